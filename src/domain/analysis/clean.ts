/**
 * Cleaning a summary copied from a document-sharing site or a PDF: the site's
 * `##paidbegin##`/`##paidend##` markers and its advertising lines are removed, and lines broken
 * in mid-sentence are joined. Nothing else is changed, so every character of the cleaned text
 * maps back to one character of the original (`toOriginal`).
 */

/** The cleaned text and, for each of its characters, the offset of that character in the original. */
export interface CleanedText {
  text: string;
  /** `origin[i]` is the original offset of cleaned character `i`; `origin[text.length]` is the original length. */
  origin: Int32Array;
}

const SITE_MARKER = /##paid(?:begin|end)##/gi;
/** Words that only occur in the sites' advertising, never in a summary. */
const AD_WORDS = /素材库|代笔|会员群|网盘群|添加客服|谨防假冒|svip|唯一平台|一键极速下载|每天更新材料|关注公众号|更多范文|下载全文/gi;

/** Heading markers of the four levels (DOC-10), full- and half-width, at the start of a trimmed line. */
export const HEADING_START = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}(?:[.．](?!\d)|、)|[（(]\d{1,2}[）)])/;
/** 第一部分 / 第二部分 lines. */
export const PART_START = /^第[一二三四五六七八九十]部分/;
/** Paragraph leads `一是`, `二是` (not headings). */
const LEAD_START = /^[一二三四五六七八九十]{1,2}是/;
/** A line that is only a date (the sign-off's second line). */
const DATE_LINE = /^\s*\d{4}年\d{1,2}月\d{1,2}日\s*$/;
/** Characters a complete paragraph or heading ends with. */
const LINE_END_OK = /[。！？；：…”’」』）)》】!?;:]\s*$/;

/** True for a line of the sites' advertising (`【哒哒素材库】……`). */
export function isAdvertisingLine(line: string): boolean {
  const hits = line.match(AD_WORDS)?.length ?? 0;
  return hits >= 2 || (hits >= 1 && /^\s*【/.test(line));
}

/** Leading spaces, full-width spaces and tabs. */
function indentOf(line: string): number {
  return line.length - line.replace(/^[\s\u3000]+/, '').length;
}

/**
 * Cleans `raw` (see the module comment). Lines are joined when a line of at least 15 characters
 * ends without closing punctuation and the next line directly follows it (no blank line, no
 * indentation) and is neither a heading, a `第N部分` line, an `N是` lead nor a date.
 */
export function cleanSummaryText(raw: string): CleanedText {
  // Pass 1: drop markers, carriage returns and byte-order marks.
  const keep: number[] = [];
  let s1 = '';
  SITE_MARKER.lastIndex = 0;
  const markers: Array<[number, number]> = [];
  for (let m = SITE_MARKER.exec(raw); m; m = SITE_MARKER.exec(raw)) markers.push([m.index, m.index + m[0].length]);
  let mi = 0;
  for (let i = 0; i < raw.length; i++) {
    const mk = markers[mi];
    if (mk && i >= mk[0]) {
      if (i < mk[1]) continue;
      mi++;
    }
    const c = raw[i]!;
    if (c === '\r' || c === '\uFEFF') continue;
    s1 += c;
    keep.push(i);
  }

  // Pass 2: lines, advertising, joins.
  const lines: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (let i = 0; i <= s1.length; i++) {
    if (i === s1.length || s1[i] === '\n') {
      lines.push({ text: s1.slice(start, i), start });
      start = i + 1;
    }
  }
  const dropped = lines.map((l) => isAdvertisingLine(l.text));
  let text = '';
  const origin: number[] = [];
  const firstContent = lines.findIndex((l, i) => !dropped[i] && l.text.trim() !== '');
  for (let li = 0; li < lines.length; li++) {
    if (dropped[li]) continue;
    const line = lines[li]!;
    for (let k = 0; k < line.text.length; k++) {
      text += line.text[k];
      origin.push(keep[line.start + k]!);
    }
    if (li === lines.length - 1) break;
    const next = lines[li + 1]!;
    const join = li !== firstContent && !dropped[li + 1] && shouldJoin(line.text, next.text);
    if (!join) {
      text += '\n';
      origin.push(keep[line.start + line.text.length] ?? raw.length);
    }
  }
  origin.push(raw.length);
  return { text, origin: Int32Array.from(origin) };
}

function shouldJoin(line: string, next: string): boolean {
  const a = line.trim();
  const b = next.trim();
  if (a.length < 15 || b === '') return false;
  if (LINE_END_OK.test(a)) return false;
  if (HEADING_START.test(a) && a.length < 40) return false;
  if (PART_START.test(a)) return false;
  if (indentOf(next) > 0) return false;
  if (HEADING_START.test(b) || PART_START.test(b) || LEAD_START.test(b) || DATE_LINE.test(b)) return false;
  return true;
}

/** Maps a span of the cleaned text to the original: `[offset, length]`. */
export function toOriginal(c: CleanedText, start: number, end: number): [number, number] {
  const o = c.origin[start] ?? c.origin[c.origin.length - 1]!;
  if (end <= start) return [o, 0];
  const last = c.origin[end - 1] ?? o;
  return [o, last - o + 1];
}
