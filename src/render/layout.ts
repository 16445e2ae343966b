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
