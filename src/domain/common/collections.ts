/** Small collection helpers (Node 20 has no `Map.groupBy`). */

/** Groups `list` by `key`, keeping each group in the list's order. */
export function groupBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x); else m.set(k, [x]);
  }
  return m;
}
