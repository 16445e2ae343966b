/**
 * Tolerant matching of official formulations (提法): finds places where a formulation is written
 * with a missing, extra or changed character (中国特社会主义 for 中国特色社会主义).
 */

/** How many edits a formulation tolerates, and of which kind. */
export type Tolerance = 'numeral' | 'indel' | number;

/** An approximate occurrence: `[start, end)` in the text, with its edit distance (≥ 1). */
export interface ApproxMatch {
  start: number;
  end: number;
  distance: number;
}

const NUMERALS = '一二两三四五六七八九十';

/**
 * The default tolerance for a formulation of `length` characters: 4–5 only a wrong numeral
 * (三个自信), 6–7 a missing or extra character, 8–14 one edit, 15 and more two.
 */
export function defaultTolerance(length: number): Tolerance {
  if (length <= 5) return 'numeral';
  if (length <= 7) return 'indel';
  return length >= 15 ? 2 : 1;
}

const PUNCT = /[、，,。；;：:\s“”"]/g;

/**
 * Approximate occurrences of `pattern` in `text` that are not exact. An occurrence must begin
 * with the pattern's first character and end with its last (so 为群众办实事 is not a broken
 * 我为群众办实事), and must differ in more than punctuation (不忘初心，牢记使命).
 */
export function findApproximate(text: string, pattern: string, tolerance: Tolerance): ApproxMatch[] {
  if (tolerance === 'numeral') return findNumeralVariants(text, pattern);
  const k = tolerance === 'indel' ? 1 : tolerance;
  const subCost = tolerance === 'indel' ? 2 : 1;
  const m = pattern.length;
  // Pigeonhole: with k edits, one of k+1 pieces of the pattern occurs exactly.
  const pieceLen = Math.floor(m / (k + 1));
  const windows: Array<[number, number]> = [];
  for (let p = 0; p <= k; p++) {
    const piece = pattern.slice(p * pieceLen, p === k ? m : (p + 1) * pieceLen);
    for (let i = text.indexOf(piece); i >= 0; i = text.indexOf(piece, i + 1)) {
      windows.push([Math.max(0, i - p * pieceLen - k), Math.min(text.length, i - p * pieceLen + m + k)]);
    }
  }
  if (windows.length === 0) return [];
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  const out: ApproxMatch[] = [];
  const bare = pattern.replace(PUNCT, '');
  const acceptable = (mt: ApproxMatch): boolean => {
    const found = text.slice(mt.start, mt.end);
    return found[0] === pattern[0] && found[found.length - 1] === pattern[m - 1]
      && found.replace(PUNCT, '') !== bare && !found.includes('\n');
  };
  for (const [ws, we] of merged) {
    for (const run of sellers(text, ws, we, pattern, k, subCost)) {
      const best = run.filter(acceptable).sort((a, b) => a.distance - b.distance)[0];
      if (best) out.push(best);
    }
  }
  return out;
}

/**
 * Sellers' algorithm on `text[from, to)`: for each end position, the least edit distance of a
 * substring ending there, and where it starts. Runs of end positions within `k` are one
 * occurrence (returned as its candidates); a run holding an exact occurrence is dropped.
 */
function sellers(text: string, from: number, to: number, pattern: string, k: number, subCost: number): ApproxMatch[][] {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) { prev[i] = i; prevStart[i] = from; }
  const out: ApproxMatch[][] = [];
  let run: ApproxMatch[] = [];
  let runExact = false;
  const flush = () => {
    if (run.length > 0 && !runExact) out.push(run);
    run = [];
    runExact = false;
  };
  for (let j = from; j < to; j++) {
    const c = text[j];
    cur[0] = 0;
    curStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern[i - 1] === c ? 0 : subCost);
      const del = cur[i - 1]! + 1; // pattern char missing from the text
      const ins = prev[i]! + 1; // extra char in the text
      let best = sub, start = prevStart[i - 1]!;
      if (ins < best) { best = ins; start = prevStart[i]!; }
      if (del < best) { best = del; start = curStart[i - 1]!; }
      cur[i] = best;
      curStart[i] = i === 1 && best === sub ? j : start;
    }
    const d = cur[m]!;
    if (d <= k) {
      if (d === 0) runExact = true;
      run.push({ start: curStart[m]!, end: j + 1, distance: d });
    } else flush();
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  flush();
  return out;
}

/** 三个自信 for 四个自信: the same words after a different numeral. */
function findNumeralVariants(text: string, pattern: string): ApproxMatch[] {
  if (!NUMERALS.includes(pattern[0]!)) return [];
  const rest = pattern.slice(1);
  const out: ApproxMatch[] = [];
  for (let i = text.indexOf(rest); i >= 0; i = text.indexOf(rest, i + 1)) {
    const n = text[i - 1];
    if (n && n !== pattern[0] && NUMERALS.includes(n) && !NUMERALS.includes(text[i - 2] ?? '')) {
      out.push({ start: i - 1, end: i + rest.length, distance: 1 });
    }
  }
  return out;
}
