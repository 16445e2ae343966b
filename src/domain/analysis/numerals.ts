/** Chinese numerals as written in summaries: 十, 十二, 二十三, 两百, 一千零五, 三万. */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral, or null when `s` is not a well-formed one (e.g. `十四五`,
 * `二二`). Handles 十/百/千 within 万 groups and 万 once: up to 99,999,999.
 */
export function parseChineseNumeral(s: string): number | null {
  if (s === '') return null;
  const wan = s.indexOf('万');
  if (wan >= 0) {
    if (s.indexOf('万', wan + 1) >= 0) return null;
    const hi = wan === 0 ? 1 : parseSection(s.slice(0, wan));
    const lo = wan === s.length - 1 ? 0 : parseSection(s.slice(wan + 1));
    return hi === null || lo === null ? null : hi * 10000 + lo;
  }
  return parseSection(s);
}

/** Below 10,000: 三千零五, 十二, 二十, 一百一十. */
function parseSection(s: string): number | null {
  let total = 0;
  let pending: number | null = null;
  let lastUnit = 10000;
  let sawZero = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c in DIGIT) {
      const d = DIGIT[c]!;
      if (d === 0) { if (pending !== null) return null; sawZero = true; continue; }
      if (pending !== null) return null; // two digits in a row: 二二, 十四五 (after 十四)
      pending = d;
    } else if (c in SMALL_UNIT) {
      const u = SMALL_UNIT[c]!;
      if (u >= lastUnit) return null;
      if (pending === null && !(u === 10 && i === 0)) return null;
      total += (pending ?? 1) * u;
      pending = null;
      lastUnit = u;
      sawZero = false;
    } else return null;
  }
  if (pending !== null) {
    // A trailing digit after a unit must be the next lower place (二十三), or follow 零 (一百零五).
    if (lastUnit !== 10000 && lastUnit !== 10 && !sawZero) {
      // 两百五 (= 250) is colloquial; not in official text: refuse.
      return null;
    }
    total += pending;
  }
  return total;
}
