/**
 * Statistics in a summary: a number (Arabic digits, a Chinese numeral, or a leftover placeholder)
 * with its unit and the phrase it measures (report-genre.md, "Numbers"). Dates, years,
 * ordinals (第7期, 二届二次), cohorts (90后), names with numbers (三会一课, 十四五, "1+X"证书)
 * and anything inside quotation or book-title marks are not statistics.
 */
import namesData from './data/names.json' with { type: 'json' };
import { parseChineseNumeral } from './numerals.ts';
import type { Approximation } from './types.ts';

/** Units, longest first so that 人次 wins over 人 and 个百分点 over 个. */
export const UNITS: readonly string[] = [
  '个百分点', '百分点', '人次', '场次', '学时', '课时', '小时', '分钟', '万元', '亿元', '元',
  '次', '人', '名', '个', '项', '条', '件', '篇', '份', '场', '期', '册', '本', '张', '批', '轮', '天',
  '分', '家', '户', '所', '种', '类', '位', '岁', '倍', '套', '幅', '块', '堂', '节', '%', '％',
];

const CN = '零〇一二两三四五六七八九十百千万';
const NUMBER = `(?<![\\d.．])\\d+(?:\\.\\d+)?(?:万|千|亿)?|(?<![${CN}])[${CN}]+|(?<![A-Za-z+＋])(?:X{1,6}|x{1,6}|Ｘ{1,4}|×{1,4}|\\*{3,}|＊{3,})`;
const METRIC_RE = new RegExp(`(近|约)?(${NUMBER})(余|多)?(${UNITS.map((u) => u.replace('%', '%')).join('|')})`, 'g');

/** A statistic found in the cleaned text (offsets in the cleaned text). */
export interface RawMetric {
  start: number;
  end: number;
  quote: string;
  value: number | null;
  unit: string;
  what: string;
  approx: Approximation | null;
  clause: string;
  sentence: string;
}

const BEFORE_STOP = /[，。；：！？\n,;:!?]/;
const AFTER_STOP = /[，。；：！？\n、,;:!?]/;
const SENTENCE_STOP = /[。！？\n]/;
const LEADING_CONNECTORS = /^(?:、|和|及|以及|共有|共计|共|累计|先后|全年|今年以来|今年|目前|截至目前|其中|已经|已|并|同时|另外|另|年内|均|总计|合计|一年来|上半年|下半年|第[一二三四]季度|\d{4}年)+/;
const VERB_ONLY = /^(?:拟定|制定|开展|组织|召开|推选出|推选|建立|提任|共提任|确定|查找|选派|形成|完成|举办|发放|收集|参加|建成|发展|撰写|梳理|办结|签订|推送|刊发|发布|录制|拍摄|慰问|走访|帮扶|培训|培养|表彰|评选出?|评出|选树|细化|定制绘就|整改|解决|新建|修订|废止|有|达|达到|为|计|约|超过|近)$/;
const AFTER_CUT = /前往|上台|参加|参与|开展|如期|接收为|转为|到|赴|进行|完成|通过|结合|被|在|按|并|的/;
/** Before-phrases that only quantify what follows (指导其他X个党支部, 针对……反馈的两个方面). */
const QUANTIFIER_END = /(?:其他|其余|全市|全县|全区|全州|全省|全局|所属|下属|的|制定|拟定|开展|召开|组织|建立|形成|推选出|评选出|确定|细化|绘就|选定|撰写|举办)$/;
/** Unit followed by a character that makes a word of it: 项目, 名单, 人员 — not a statistic. */
const UNIT_WORD: Record<string, string> = {
  项: '目', 名: '单称义额', 条: '件例款', 份: '额', 期: '间限', 场: '所地景合', 人: '民员才口', 本: '部级领次',
  家: '庭乡属长', 户: '籍口', 位: '置于', 类: '型别似', 种: '类植', 个: '体性', 批: '评示准复', 轮: '值岗', 张: '贴',
};

/** Ranges of the text covered by numbered names (三会一课, 八项规定, …), from data/names.json. */
function nameRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const name of namesData.names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push([i, i + name.length]);
  }
  return out;
}

/** Ranges inside “…” (up to 20 characters: names, slogans) and 《…》. */
function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /“[^“”\n]{1,20}”|《[^《》\n]*》|‘[^‘’\n]{1,20}’|"[^"\n]{1,20}"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function inRanges(ranges: Array<[number, number]>, pos: number): boolean {
  return ranges.some(([a, b]) => pos >= a && pos < b);
}

/** The numeric value of a number token; null for a placeholder; undefined when it is not a number to count. */
function valueOf(token: string): number | null | undefined {
  if (/^[Xx×Ｘ*＊]/.test(token)) return null;
  const m = /^(\d+(?:\.\d+)?)(万|千|亿)?$/.exec(token);
  if (m) return Number(m[1]) * (m[2] === '万' ? 10000 : m[2] === '千' ? 1000 : m[2] === '亿' ? 1e8 : 1);
  // A lone 一 is an article (一次廉政家访, 一人一册), and a bare 百/千/万 a figure of speech (千家万户).
  if (token === '一' || /^[百千万]+$/.test(token)) return undefined;
  const v = parseChineseNumeral(token);
  return v === null ? undefined : v;
}

/**
 * Every statistic in `text` (the cleaned summary), in order. `what` is the phrase before the
 * number back to the clause start (召开支委会议12次 → 召开支委会议) or, when that is empty or only
 * a verb, the noun phrase after the unit (4名党组成员 → 党组成员).
 */
export function extractMetrics(text: string): RawMetric[] {
  const names = nameRanges(text);
  const quoted = quotedRanges(text);
  const found: Array<Omit<RawMetric, 'what' | 'clause' | 'sentence'> & { numStart: number }> = [];
  METRIC_RE.lastIndex = 0;
  for (let m = METRIC_RE.exec(text); m; m = METRIC_RE.exec(text)) {
    const [whole, pre, token = '', post, unit = ''] = m;
    const start = m.index;
    const numStart = start + (pre?.length ?? 0);
    const end = start + whole.length;
    const value = valueOf(token);
    if (value === undefined) { METRIC_RE.lastIndex = start + 1; continue; }
    const prev = text[numStart - 1] ?? '';
    const next = text[end] ?? '';
    const chinese = /^[零〇一二两三四五六七八九十百千万]/.test(token);
    const placeholder = value === null;
    if (prev === '第' || prev === '届') continue; // ordinals: 第7期, 二届二次
    if (/[A-Za-z]/.test(prev) && !placeholder) continue;
    if (/[+＋]/.test(next) || /[+＋]/.test(prev)) continue; // 1+X, 党建+
    if (unit === '个' && next === '月') continue; // durations
    if (chinese && (unit === '分' || unit === '节')) continue; // 十分重要, 五四青年节
    if (unit === '分' && /[析别钟工类层]/.test(next)) continue;
    if (next !== '' && (UNIT_WORD[unit] ?? '').includes(next) && !(unit === '项' && text[end + 1] === '标')) continue;
    if (inRanges(quoted, numStart) || inRanges(names, numStart)) continue;
    const approx = (pre ?? post ?? null) as Approximation | null;
    found.push({ start, end, numStart, quote: whole, value, unit, approx });
  }
  const whats: string[] = [];
  return found.map((f, i) => {
    const prevEnd = i > 0 ? found[i - 1]!.end : 0;
    const nextStart = i + 1 < found.length ? found[i + 1]!.start : text.length;
    let b = f.start;
    while (b > prevEnd && !BEFORE_STOP.test(text[b - 1]!)) b--;
    // Between two statistics of one clause (2项目标蓝图、27项工作清单) the previous one's noun ends at 、.
    const boundedByPrev = i > 0 && b === prevEnd;
    if (boundedByPrev) {
      const k = text.lastIndexOf('、', f.start - 1);
      if (k >= b) b = k + 1;
    }
    let a = f.end;
    while (a < nextStart && !AFTER_STOP.test(text[a]!)) a++;
    let s0 = f.start;
    while (s0 > 0 && !SENTENCE_STOP.test(text[s0 - 1]!)) s0--;
    let s1 = f.end;
    while (s1 < text.length && !SENTENCE_STOP.test(text[s1]!)) s1++;
    let before = text.slice(b, f.start).trim().replace(LEADING_CONNECTORS, '');
    // 指导其他X个党支部前往X个基地: the second's before-phrase starts with the first's noun.
    const prevWhat = whats[i - 1];
    if (boundedByPrev && prevWhat && before.length > prevWhat.length && before.startsWith(prevWhat)) before = before.slice(prevWhat.length);
    const after = text.slice(f.end, a).trim();
    const cut = after.slice(1).search(AFTER_CUT);
    const afterPhrase = cut >= 0 ? after.slice(0, cut + 1) : after;
    // N名X: a count of people is followed by who they are (4名党组成员, 两名青年团员).
    const peopleFirst = (f.unit === '名' || f.unit === '位') && afterPhrase.length >= 2;
    const beforeUseful = !peopleFirst && before.length >= 3 && !VERB_ONLY.test(before) && !QUANTIFIER_END.test(before) && !(boundedByPrev && before.length <= 4);
    let what = beforeUseful || afterPhrase === '' ? before : afterPhrase;
    if (what === '') {
      // 共X人 at a clause start: the clause before says what was counted.
      let c = b - 1;
      while (c > 0 && !BEFORE_STOP.test(text[c - 1]!)) c--;
      what = text.slice(Math.max(c, 0), Math.max(b - 1, 0)).trim().replace(LEADING_CONNECTORS, '');
    }
    whats.push(what);
    return {
      start: f.start, end: f.end, quote: f.quote, value: f.value, unit: f.unit, approx: f.approx,
      what, clause: text.slice(b, a), sentence: text.slice(s0, s1),
    };
  });
}
