/**
 * 居民身份证号 (18-character citizen identity number, GB 11643-1999): check digit, sanity of the
 * region and birth date, and what the number tells (birth date, gender).
 *
 * Layout: 6-digit region code (GB/T 2260) · 8-digit birth date `yyyyMMdd` · 3-digit sequence
 * (odd = male, even = female) · check character (ISO 7064 MOD 11-2: `0`–`9` or `X`).
 */
import { format, isValid, parse } from 'date-fns';
import type { LocalDate } from '../common/dates.ts';

/** The weights of ISO 7064 MOD 11-2 for positions 1–17 (2^(18-i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (weighted sum mod 11). */
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes (first two digits of GB/T 2260), plus 81/82/83 used by the residence
 * permits of Hong Kong, Macao and Taiwan residents, which share the 18-character layout.
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** What an ID number says about its holder. */
export interface IdNumberInfo {
  /** The number normalized: 18 characters, upper-case `X`. */
  idNumber: string;
  /** First six digits (GB/T 2260 region of first registration). */
  regionCode: string;
  birthDate: LocalDate;
  gender: 'male' | 'female';
}

/** Result of `checkIdNumber`: the facts of a valid number, or a reason in Chinese. */
export type IdNumberCheck = { ok: true; info: IdNumberInfo } | { ok: false; reason: string };

/**
 * The check character for the first 17 digits (ISO 7064 MOD 11-2, GB 11643-1999 §5).
 * Throws Error when `first17` is not 17 ASCII digits (a programming error, not user input).
 */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idCheckDigit expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Trims, folds full-width characters (NFKC) and upper-cases a trailing `x`. */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * Validates a 居民身份证号 against GB 11643-1999: 18 characters, a known province code, a birth
 * date that exists and is neither before 1900-01-01 nor after `today`, and the MOD 11-2 check
 * character. Never throws; the reason is written for the user (in Chinese) and never repeats
 * the number itself, so it can be logged.
 */
export function checkIdNumber(raw: string, today: LocalDate): IdNumberCheck {
  const id = normalizeIdNumber(raw);
  if (id.length === 15 && /^\d{15}$/.test(id)) {
    return { ok: false, reason: '这是15位旧身份证号，请填写18位居民身份证号' };
  }
  if (id.length !== 18) return { ok: false, reason: `身份证号应为18位，实际为${id.length}位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号前17位应为数字，末位应为数字或X' };
  const regionCode = id.slice(0, 6);
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return { ok: false, reason: '身份证号前两位不是有效的省级行政区划代码' };
  const birth = parse(id.slice(6, 14), 'yyyyMMdd', new Date(2000, 0, 1));
  if (!isValid(birth)) return { ok: false, reason: '身份证号中的出生日期（第7–14位）不是有效日期' };
  const birthDate = format(birth, 'yyyy-MM-dd');
  if (birthDate < '1900-01-01') return { ok: false, reason: '身份证号中的出生日期早于1900年' };
  if (birthDate > today) return { ok: false, reason: '身份证号中的出生日期晚于今天' };
  const expected = idCheckDigit(id.slice(0, 17));
  if (id[17] !== expected) return { ok: false, reason: '身份证号校验位错误（末位与前17位不符），请核对是否录错' };
  const gender = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, info: { idNumber: id, regionCode, birthDate, gender } };
}

/** True when `raw` is a valid 18-character ID number as of `today` (see `checkIdNumber`). */
export function isValidIdNumber(raw: string, today: LocalDate): boolean {
  return checkIdNumber(raw, today).ok;
}

/**
 * Builds a valid ID number from its parts (for factories and demo data): region code (6 digits),
 * birth date, 3-digit sequence whose parity is forced to the gender. Throws Error on bad parts.
 */
export function composeIdNumber(regionCode: string, birthDate: LocalDate, sequence: number, gender: 'male' | 'female'): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error('regionCode must be 6 digits');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new Error('birthDate must be YYYY-MM-DD');
  let seq = Math.abs(Math.trunc(sequence)) % 1000;
  const wantOdd = gender === 'male';
  if ((seq % 2 === 1) !== wantOdd) seq = seq === 999 ? 998 : seq + 1;
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}
