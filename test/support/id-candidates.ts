/**
 * How many 身份证号 fit everything an answer shows about one person: the masked number, and the
 * birth date and gender when they are shown beside it. Counts only numbers whose check character
 * is right (GB 11643-1999, src/domain/member/id-number.ts). One candidate means the mask was undone.
 */
import { idCheckDigit } from '../../src/domain/member/id-number.ts';

export interface Shown {
  masked: string;
  birthDate?: string | null;
  gender?: 'male' | 'female' | null;
}

/** The number of valid 18-character numbers consistent with `shown`; stops counting at `cap`. */
export function idCandidates(shown: Shown, cap = 10_000): number {
  if (shown.masked.length !== 18) throw new Error(`not an 18-character mask: ${shown.masked}`);
  const fixed = shown.masked.split('');
  if (shown.birthDate) {
    const d = shown.birthDate.replace(/-/g, '');
    for (let i = 0; i < 8; i++) {
      if (fixed[6 + i] !== '*' && fixed[6 + i] !== d[i]) return 0;
      fixed[6 + i] = d[i]!;
    }
  }
  const open = fixed.slice(0, 17).flatMap((c, i) => (c === '*' ? [i] : []));
  let count = 0;
  const digits = fixed.slice(0, 17);
  const walk = (k: number): void => {
    if (count >= cap) return;
    if (k === open.length) {
      if (shown.gender && (Number(digits[16]) % 2 === 1) !== (shown.gender === 'male')) return;
      const check = idCheckDigit(digits.join(''));
      if (fixed[17] === '*' || fixed[17] === check) count++;
      return;
    }
    for (let v = 0; v <= 9; v++) {
      digits[open[k]!] = String(v);
      walk(k + 1);
    }
  };
  walk(0);
  return count;
}
