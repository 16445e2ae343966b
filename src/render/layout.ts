/**
 * GB/T 9704 layout arithmetic shared by the renderers (docx places the sign-off with it in
 * twips, Markdown with ideographic spaces). Widths are in body characters (字, DOC-01).
 */

/** A GB/T 9704 body line holds 28 characters (DOC-06). */
export const LINE_CHARS = 28;

/** Width of a line of text in body characters: CJK and full-width forms 1, ASCII (digits) ½. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0020-\u007e]/.test(ch) ? 0.5 : 1;
  return w;
}

/**
 * Right indents (in characters) of the unsealed sign-off (DOC-12, GB/T 9704 7.3.5.2): the name 2
 * characters in from the right, the date on the next line starting 2 characters right of the
 * name's first character; when the date is longer than the name, the date sits 2 characters in
 * and the name moves left to keep the 2-character offset.
 */
export function signoffIndents(orgName: string, dateText: string): { name: number; date: number } {
  const nameW = widthInChars(orgName);
  const dateW = widthInChars(dateText);
  if (dateW > nameW) return { name: dateW - nameW + 4, date: 2 };
  return { name: 2, date: nameW - dateW };
}

/** Characters of 2号 (22 pt) that fit on the 156 mm line: 442 pt / 22 pt. */
export const TITLE_LINE_CHARS = 20;

/** Places where a title reads well when broken: before 及/和/暨, and after the organization's name. */
function naturalBreak(title: string, i: number, orgName: string): boolean {
  return /[及和暨]/.test(title[i]!) || (orgName.length > 0 && i === orgName.length && title.startsWith(orgName));
}

/**
 * Splits a title too long for one line into two (DOC-09: lines break at word boundaries, in a
 * balanced shape): at a natural break (before 及, after the organization's name) when one leaves
 * both lines within the line, else at the most balanced point that does not split a number.
 * Titles that fit, or that need three lines or more, are returned whole for the renderer to wrap.
 */
export function titleLines(title: string, orgName: string, capacity = TITLE_LINE_CHARS): string[] {
  const chars = [...title];
  if (widthInChars(title) <= capacity) return [title];
  let best: { i: number; score: number } | null = null;
  for (let i = 1; i < chars.length; i++) {
    if (/\d/.test(chars[i - 1]!) && /\d/.test(chars[i]!)) continue;
    const left = widthInChars(chars.slice(0, i).join(''));
    const right = widthInChars(chars.slice(i).join(''));
    if (left > capacity || right > capacity) continue;
    // A natural break is worth up to 10 characters of imbalance.
    const score = Math.abs(left - right) + (naturalBreak(chars.join(''), i, orgName) ? 0 : 10);
    if (!best || score < best.score) best = { i, score };
  }
  return best ? [chars.slice(0, best.i).join(''), chars.slice(best.i).join('')] : [title];
}
