/**
 * Member roster import (党员花名册导入), pure: a sheet of cells in, either every row as a
 * validated `RosterRow` or every problem of every row out. All or nothing — the caller saves
 * nothing unless `ok` is true.
 *
 * Entry points:
 * - `locateRosterHeader(grid)`: finds the header row (the first row naming 姓名 or a synonym)
 *   in a grid of spreadsheet rows; used by the xlsx reader (src/render/xlsx-roster.ts).
 * - `validateRoster(sheet, options)`: validates the rows under the header.
 * - `rosterRowToMember(row, ids)`: the `Member` record for a valid row (the use case encrypts
 *   `idNumber` and `phone` and stores them beside it).
 */
import { addYears, format, isValid, parse } from 'date-fns';
import type { LocalDate } from '../common/dates.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';
import { checkIdNumber } from './id-number.ts';
import type { Member, MemberCategory, Position } from './member.ts';

/** One spreadsheet cell as the readers give it. Dates from Excel are `Date` (see `cellToDate`). */
export type Cell = string | number | Date | null;

/** A spreadsheet row with its 1-based row number in the sheet. */
export interface GridRow {
  rowNumber: number;
  cells: Cell[];
}

/** A roster sheet: the header row and the rows below it (blank rows may be included). */
export interface RosterSheet {
  header: GridRow;
  rows: GridRow[];
}

/** The roster's fields, with the header each is written under in an export. */
export const ROSTER_FIELDS = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  education: '学历',
  idNumber: '身份证号',
  phone: '手机号',
  category: '人员类别',
  admittedOn: '入党时间',
  fullOn: '转正时间',
  branchName: '所在党支部',
  positions: '党内职务',
  joinedOn: '加入本支部日期',
} as const;
export type RosterField = keyof typeof ROSTER_FIELDS;
export const ROSTER_FIELD_LIST = Object.keys(ROSTER_FIELDS) as RosterField[];

/**
 * Header synonyms, as organizations write them (after normalization: no spaces, no `*`, no
 * bracketed notes such as `出生日期（年月日）`). Matching is exact on the normalized header.
 */
export const ROSTER_HEADER_SYNONYMS: Record<RosterField, readonly string[]> = {
  name: ['姓名', '名字', '党员姓名', '姓 名'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月日', '出生年月', '生日'],
  education: ['学历', '文化程度', '最高学历', '全日制学历'],
  idNumber: ['身份证号', '公民身份号码', '身份证号码', '身份证', '居民身份证号', '居民身份证号码', '证件号码'],
  phone: ['手机号', '手机号码', '联系电话', '手机', '电话', '联系方式', '电话号码'],
  category: ['人员类别', '党员类别', '类别', '党员类型', '人员类型'],
  admittedOn: ['入党时间', '入党日期', '加入党组织日期', '入党年月日', '加入中共时间', '加入党组织时间'],
  fullOn: ['转正时间', '转为正式党员日期', '转正日期', '转为正式党员时间'],
  branchName: ['所在党支部', '支部', '所属党支部', '党组织名称', '所在支部', '所在党组织', '所属支部', '所在党组织名称'],
  positions: ['党内职务', '职务', '党内职务名称', '党内职位'],
  joinedOn: ['加入本支部日期', '加入本支部时间', '转入本支部日期', '转入本支部时间', '转入日期', '转入时间', '组织关系转入日期', '组织关系转入时间', '进入本支部日期'],
};

/** Columns a roster must have; the others may be left out. */
export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = ['name', 'idNumber', 'category'];

/** One valid roster row. `idNumber` and `phone` are in clear: encrypt them before storing. */
export interface RosterRow {
  /** 1-based spreadsheet row number, for messages. */
  rowNumber: number;
  name: string;
  /** From the 性别 column, or from the ID number when the column is blank. */
  gender: 'male' | 'female';
  ethnicity: string | null;
  /** From the 出生日期 column, or from the ID number when the column is blank. */
  birthDate: LocalDate;
  education: string | null;
  /** Normalized 18-character 居民身份证号 (upper-case X). */
  idNumber: string;
  /** Digits of a mobile number, or a landline as `0691-2123456`. */
  phone: string | null;
  category: MemberCategory;
  admittedOn: LocalDate | null;
  fullOn: LocalDate | null;
  branchName: string | null;
  positions: Position[];
  /**
   * The day the member joined this branch's roll (加入本支部日期): from the column, else the import
   * date — never the 入党时间, which says nothing about when the member came to this branch.
   */
  joinedOn: LocalDate;
  /** True when `joinedOn` is the import date because the cell or the column was empty. */
  joinedOnDefaulted: boolean;
}

/** A roster row as written to a sheet (exports, test fixtures): the join date may be unknown or left out. */
export type RosterEntry = Omit<RosterRow, 'rowNumber' | 'joinedOn' | 'joinedOnDefaulted'> & { joinedOn?: LocalDate | null };

export interface RosterOptions {
  /** The import date: no date may be later, ID numbers are checked as of it. */
  today: LocalDate;
  /**
   * Names of the branches the rows may name in 所在党支部. When given, the column is required
   * and every row must name one of them; when left out, the column is read but not checked.
   */
  knownBranchNames?: readonly string[];
}

export type RosterResult =
  | { ok: true; rows: RosterRow[]; ignoredHeaders: string[] }
  | { ok: false; issues: FieldIssue[] };

/** The 56 ethnic groups (GB/T 3304), accepted with or without the trailing 族. */
export const ETHNIC_GROUPS: readonly string[] = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];
const ETHNIC_SET = new Set(ETHNIC_GROUPS);

const POSITION_WORDS: Record<string, Position> = {
  书记: 'secretary', 支部书记: 'secretary', 党支部书记: 'secretary',
  副书记: 'deputySecretary', 支部副书记: 'deputySecretary', 党支部副书记: 'deputySecretary',
  组织委员: 'organizationCommitteeMember',
  宣传委员: 'publicityCommitteeMember',
  纪检委员: 'disciplineCommitteeMember', 纪律检查委员: 'disciplineCommitteeMember',
  委员: 'committeeMember', 支委: 'committeeMember', 支部委员: 'committeeMember',
  党小组长: 'subgroupLeader', 小组长: 'subgroupLeader', 党小组组长: 'subgroupLeader',
};
/** Cell values that mean "no position". */
const NO_POSITION = new Set(['无', '-', '—', '/', '党员', '普通党员']);

const CATEGORY_WORDS: Record<string, MemberCategory> = {
  正式党员: 'full', 正式: 'full', 预备党员: 'probationary', 预备: 'probationary',
};

/** date-fns formats tried in order on a date written as text (after NFKC normalization). */
const DATE_FORMATS = ['yyyy-M-d', 'yyyy/M/d', 'yyyy.M.d', "yyyy'年'M'月'd'日'", "yyyy'年'M'月'd", 'yyyyMMdd'] as const;
const MONTH_ONLY_FORMATS = ['yyyy-M', 'yyyy/M', 'yyyy.M', "yyyy'年'M'月'", 'yyyyMM'] as const;
const REFERENCE_DATE = new Date(2000, 0, 1);
const MS_PER_DAY = 86_400_000;

function normalizeText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return '';
  return String(c).normalize('NFKC').trim();
}

/** A header as compared with the synonyms: NFKC, no spaces, no `*`/`※`, no bracketed notes. */
export function normalizeHeader(c: Cell): string {
  return normalizeText(c)
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*※:：]/g, '');
}

const SYNONYM_TO_FIELD = new Map<string, RosterField>();
for (const f of ROSTER_FIELD_LIST) for (const s of ROSTER_HEADER_SYNONYMS[f]) SYNONYM_TO_FIELD.set(normalizeHeader(s), f);

/** The roster field a header names, or null. */
export function headerField(c: Cell): RosterField | null {
  return SYNONYM_TO_FIELD.get(normalizeHeader(c)) ?? null;
}

function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/**
 * Splits a grid into header and data rows: the header is the first row with a cell naming
 * 姓名 or a synonym (title rows above it are skipped). Throws ValidationError when none does.
 */
export function locateRosterHeader(grid: readonly GridRow[]): RosterSheet {
  const i = grid.findIndex((r) => r.cells.some((c) => headerField(c) === 'name'));
  if (i < 0) {
    throw new ValidationError('未找到表头：没有一行包含“姓名”列', [{ field: '姓名', message: '未找到包含“姓名”的表头行' }]);
  }
  return { header: grid[i]!, rows: grid.slice(i + 1) };
}

/**
 * A date cell as a calendar date. `Date` values are taken at the nearest UTC midnight: exceljs
 * gives Excel dates as UTC midnight, and a local (UTC+8) midnight rounds to the same day.
 * Numbers are Excel serial dates (1900 system). Text is parsed with DATE_FORMATS.
 */
export function cellToDate(c: Cell): { ok: true; date: LocalDate | null } | { ok: false; message: string } {
  if (c === null) return { ok: true, date: null };
  if (c instanceof Date) {
    if (!isValid(c)) return { ok: false, message: '日期无效' };
    const day = new Date(Math.round(c.getTime() / MS_PER_DAY) * MS_PER_DAY);
    return { ok: true, date: day.toISOString().slice(0, 10) };
  }
  if (typeof c === 'number') {
    // 20230105 typed as a number, or a bare year / `2023.01` that Excel stored as a number.
    if ((Number.isInteger(c) && c >= 19000101 && c <= 29991231) || (c >= 1900 && c < 2200)) return cellToDate(String(c));
    if (c < 1 || c > 2_958_465) return { ok: false, message: `无法识别的日期：${c}` };
    // Excel serial day 1 = 1900-01-01, with the fictitious 1900-02-29: serials count from 1899-12-30.
    return cellToDate(new Date(Date.UTC(1899, 11, 30) + Math.round(c) * MS_PER_DAY));
  }
  const s = normalizeText(c).replace(/\s+/g, '');
  if (s === '') return { ok: true, date: null };
  for (const f of DATE_FORMATS) {
    const d = parse(s, f, REFERENCE_DATE);
    if (isValid(d)) return { ok: true, date: format(d, 'yyyy-MM-dd') };
  }
  for (const f of MONTH_ONLY_FORMATS) {
    if (isValid(parse(s, f, REFERENCE_DATE))) return { ok: false, message: `日期“${s}”只有年月，请填写到日（如 2023-01-05）` };
  }
  return { ok: false, message: `无法识别的日期“${s}”（可写作 2023-01-05、2023/1/5、2023.01.05 或 2023年1月5日）` };
}

function parseGender(s: string): 'male' | 'female' | null | undefined {
  if (s === '') return null;
  if (s === '男' || s === '男性') return 'male';
  if (s === '女' || s === '女性') return 'female';
  return undefined;
}

function parsePhone(c: Cell): { ok: true; phone: string | null } | { ok: false; message: string } {
  const s = (typeof c === 'number' ? String(c) : normalizeText(c)).replace(/[\s()]/g, '');
  if (s === '') return { ok: true, phone: null };
  const mobile = s.replace(/^(\+?86)/, '').replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return { ok: true, phone: mobile };
  const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(s);
  if (landline) return { ok: true, phone: `${landline[1]}-${landline[2]}` };
  return { ok: false, message: '手机号应为11位手机号码或带区号的固定电话' };
}

function parsePositions(s: string): { ok: true; positions: Position[] } | { ok: false; message: string } {
  if (s === '' || NO_POSITION.has(s)) return { ok: true, positions: [] };
  const out: Position[] = [];
  for (const word of s.split(/[、,，/;；\s]+/).filter((w) => w !== '')) {
    const p = POSITION_WORDS[word];
    if (!p) return { ok: false, message: `无法识别的党内职务“${word}”（可填：书记、副书记、组织委员、宣传委员、纪检委员、委员、党小组长）` };
    if (!out.includes(p)) out.push(p);
  }
  return { ok: true, positions: out };
}

const H = ROSTER_FIELDS;

/**
 * Validates a roster sheet. Reports, for every row, a missing name; a bad 身份证号 (length,
 * region, birth date, GB 11643 check digit) or one repeated from an earlier row; 性别 or
 * 出生日期 disagreeing with the ID number; unreadable dates; dates after `today`; an unknown
 * 人员类别, 民族 or 党内职务; 入党时间 after 转正时间 or before the 18th birthday (PC-01 党章
 * 第一条); a 预备党员 with a 转正时间, or without 入党时间; a 正式党员 whose 转正时间 is less
 * than one year after 入党时间 (PC-02 预备期一年); an unknown branch; two 书记 in one branch.
 * Header problems (a required column missing) are reported on the header row.
 * Never throws.
 */
export function validateRoster(sheet: RosterSheet, options: RosterOptions): RosterResult {
  const { today } = options;
  const issues: FieldIssue[] = [];
  const col = new Map<RosterField, number>();
  const ignoredHeaders: string[] = [];
  sheet.header.cells.forEach((c, i) => {
    const f = headerField(c);
    const text = normalizeText(c);
    if (f && !col.has(f)) col.set(f, i);
    else if (text !== '') ignoredHeaders.push(text);
  });
  const required = [...REQUIRED_ROSTER_FIELDS, ...(options.knownBranchNames ? (['branchName'] as const) : [])];
  for (const f of required) {
    if (!col.has(f)) issues.push({ row: sheet.header.rowNumber, field: H[f], message: `缺少“${H[f]}”列` });
  }
  if (issues.length > 0) return { ok: false, issues };

  const known = options.knownBranchNames ? new Set(options.knownBranchNames.map((n) => n.normalize('NFKC').trim())) : null;
  const firstRowOfId = new Map<string, number>();
  const secretaryRowOfBranch = new Map<string, number>();
  const rows: RosterRow[] = [];

  for (const { rowNumber, cells } of sheet.rows) {
    if (isBlankRow(cells)) continue;
    const cell = (f: RosterField): Cell => {
      const i = col.get(f);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const text = (f: RosterField) => normalizeText(cell(f));
    const bad = (f: RosterField, message: string) => { issues.push({ row: rowNumber, field: H[f], message }); };
    const before = issues.length;

    const name = text('name').replace(/\s+/g, '');
    if (name === '') bad('name', '姓名为空');
    else if (name.length > 30) bad('name', '姓名过长（超过30个字）');

    let idInfo: { idNumber: string; birthDate: LocalDate; gender: 'male' | 'female' } | null = null;
    const idCell = cell('idNumber');
    if (typeof idCell === 'number') {
      bad('idNumber', '身份证号被保存为数字，末几位可能已丢失；请把该列设为文本格式后重新填写');
    } else if (text('idNumber') === '') {
      bad('idNumber', '身份证号为空');
    } else {
      // A leading apostrophe is how users force text in Excel; some exports keep it.
      const r = checkIdNumber(text('idNumber').replace(/^['‘’`]/, ''), today);
      if (!r.ok) bad('idNumber', r.reason);
      else {
        idInfo = r.info;
        const first = firstRowOfId.get(r.info.idNumber);
        if (first !== undefined) bad('idNumber', `身份证号与第${first}行重复`);
        else firstRowOfId.set(r.info.idNumber, rowNumber);
      }
    }

    const g = parseGender(text('gender'));
    if (g === undefined) bad('gender', `性别应为“男”或“女”，实际为“${text('gender')}”`);
    else if (g && idInfo && g !== idInfo.gender) bad('gender', '性别与身份证号不一致');

    let ethnicity: string | null = text('ethnicity').replace(/\s+/g, '') || null;
    if (ethnicity && !ETHNIC_SET.has(ethnicity)) {
      if (ETHNIC_SET.has(`${ethnicity}族`)) ethnicity = `${ethnicity}族`;
      else bad('ethnicity', `无法识别的民族“${ethnicity}”`);
    }

    const date = (f: 'birthDate' | 'admittedOn' | 'fullOn' | 'joinedOn'): LocalDate | null => {
      const r = cellToDate(cell(f));
      if (!r.ok) { bad(f, r.message); return null; }
      if (r.date && r.date > today) { bad(f, `${H[f]}晚于今天`); return null; }
      return r.date;
    };
    const birthCol = date('birthDate');
    if (birthCol && idInfo && birthCol !== idInfo.birthDate) bad('birthDate', '出生日期与身份证号不一致');
    const admittedOn = date('admittedOn');
    const fullOn = date('fullOn');
    const joinedCol = date('joinedOn');

    const education = text('education') || null;
    if (education && education.length > 20) bad('education', '学历过长（超过20个字）');

    const phone = parsePhone(cell('phone'));
    if (!phone.ok) bad('phone', phone.message);

    const categoryText = text('category').replace(/\s+/g, '');
    const category = CATEGORY_WORDS[categoryText];
    if (categoryText === '') bad('category', '人员类别为空（应为“正式党员”或“预备党员”）');
    else if (!category) bad('category', `无法识别的人员类别“${categoryText}”（应为“正式党员”或“预备党员”）`);

    if (category === 'probationary' && fullOn) bad('fullOn', '预备党员不应有转正时间');
    else if (admittedOn && fullOn && admittedOn > fullOn) bad('admittedOn', '入党时间晚于转正时间');
    else if (admittedOn && fullOn && fullOn < format(addYears(parse(admittedOn, 'yyyy-MM-dd', REFERENCE_DATE), 1), 'yyyy-MM-dd')) {
      bad('fullOn', '转正时间距入党时间不足一年（预备期为一年）');
    }
    const birthDate = birthCol ?? idInfo?.birthDate ?? null;
    if (birthDate && admittedOn && admittedOn < format(addYears(parse(birthDate, 'yyyy-MM-dd', REFERENCE_DATE), 18), 'yyyy-MM-dd')) {
      bad('admittedOn', '入党时未满18周岁');
    }
    if (category === 'probationary' && !admittedOn) bad('admittedOn', '预备党员须填写入党时间');

    const branchName = text('branchName') || null;
    if (known) {
      if (!branchName) bad('branchName', '所在党支部为空');
      else if (!known.has(branchName)) bad('branchName', `未知的党支部“${branchName}”`);
    }

    const positions = parsePositions(text('positions'));
    if (!positions.ok) bad('positions', positions.message);
    else if (positions.positions.includes('secretary')) {
      const key = branchName ?? '';
      const first = secretaryRowOfBranch.get(key);
      if (first !== undefined) bad('positions', `同一党支部有两名书记（另见第${first}行）`);
      else secretaryRowOfBranch.set(key, rowNumber);
    }

    if (issues.length === before && idInfo && category && phone.ok && positions.ok) {
      rows.push({
        rowNumber, name, gender: g ?? idInfo.gender, ethnicity, birthDate: birthCol ?? idInfo.birthDate, education,
        idNumber: idInfo.idNumber, phone: phone.phone, category, admittedOn, fullOn, branchName,
        positions: positions.positions, joinedOn: joinedCol ?? today, joinedOnDefaulted: joinedCol === null,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (rows.length === 0) return { ok: false, issues: [{ row: sheet.header.rowNumber, field: H.name, message: '表头下没有任何数据行' }] };
  return { ok: true, rows, ignoredHeaders };
}

/**
 * The Member record for a valid roster row. `idNumber` and `phone` are not part of it: the
 * caller encrypts and stores them. Status is `normal`; applied date is unknown. Its one
 * membership period starts on the row's `joinedOn` (`rosterImport`), so the member counts in no
 * period that closed before it.
 */
export function rosterRowToMember(row: RosterRow, ids: { id: string; orgId: string; membershipId: string; subgroupId?: string | null }): Member {
  return {
    id: ids.id, orgId: ids.orgId, subgroupId: ids.subgroupId ?? null,
    name: row.name, gender: row.gender, ethnicity: row.ethnicity, birthDate: row.birthDate, education: row.education,
    category: row.category, appliedOn: null, admittedOn: row.admittedOn, fullOn: row.fullOn,
    status: 'normal', leftOn: null, positions: row.positions,
    memberships: [{
      id: ids.membershipId, memberId: ids.id, orgId: ids.orgId, startedOn: row.joinedOn, startKind: 'rosterImport',
      endedOn: null, endKind: null, cameFrom: null, wentTo: null,
    }],
  };
}
