/** Leftover template placeholders: X, XX, XXX, xx, ××, ***, in a summary's cleaned text. */

/** A placeholder found in the cleaned text (offsets in the cleaned text). */
export interface RawPlaceholder {
  start: number;
  end: number;
  text: string;
}

const RE = /X+|x+|Ｘ+|ｘ+|×+|\*{3,}|＊{3,}/g;

/**
 * Every placeholder in `text`. A run of X is not a placeholder inside a Latin word (APEX, xbox),
 * after `1+` ("1+X"证书), nor is × between digits (3×4). An uppercase run of two or more may
 * touch other capitals (XXAAA群: a redacted name).
 */
export function findPlaceholders(text: string): RawPlaceholder[] {
  const out: RawPlaceholder[] = [];
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    const t = m[0];
    const start = m.index;
    const end = start + t.length;
    const prev = text[start - 1] ?? '';
    const next = text[end] ?? '';
    if (/^[Xx]/.test(t)) {
      if (/[A-Za-z]/.test(prev)) continue;
      if (/[a-z]/.test(next)) continue;
      if (/[A-Z]/.test(next) && (t.length < 2 || t[0] === 'x')) continue;
      if (/[+＋]/.test(prev) && /\d/.test(text[start - 2] ?? '')) continue;
    }
    if (t[0] === '×' && /\d/.test(prev) && /\d/.test(next)) continue;
    out.push({ start, end, text: t });
  }
  return out;
}
