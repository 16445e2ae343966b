/**
 * The problems (存在的问题) and next steps (下一步打算) of a draft, built from the regulations
 * engine's findings for the period: each point names what the records show was missed, and its
 * numbers are bound to the records concerned. Generic text is used only when nothing was found.
 */
import type { Finding } from '../regulations/finding.ts';
import type { SourceRef } from '../stats/facts.ts';
import type { Inline } from './document.ts';
import type { PlanPoint } from './themes.ts';

interface Category {
  id: string;
  rules: readonly string[];
  /** Opening clause of the problem point. */
  lead: string;
  next: PlanPoint;
}

/** Finding categories in the order the problems section states them. */
const CATEGORIES: readonly Category[] = [
  {
    id: 'cadence', rules: ['BR-06', 'BR-09', 'BR-10', 'BR-12', 'BR-13', 'BR-14', 'BR-15', 'BR-16'],
    lead: '组织生活制度落实还不够到位',
    next: { title: '严格落实组织生活制度', text: '对照《中国共产党支部工作条例（试行）》，把支委会、党员大会、党小组会、党课和主题党日的时间与内容提前排进工作计划，做到按期召开、记录完整，缺少的及时补上。' },
  },
  {
    id: 'study', rules: ['EDU-07', 'EDU-08'],
    lead: '党员教育培训抓得还不够实',
    next: { title: '抓实党员教育培训', text: '为学习时间不足的党员制定补学计划，用好集中学习、专题党课和网络培训，确保每名党员每年集中学习培训时间达到规定要求。' },
  },
  {
    id: 'organization', rules: ['ELE-01', 'ELE-10', 'BR-01', 'BR-02', 'BR-03', 'BR-17', 'BR-18', 'BR-19', 'PC-06'],
    lead: '组织设置和换届工作还有薄弱环节',
    next: { title: '按期做好换届选举和组织设置', text: '严格执行《中国共产党基层组织选举工作条例》，任期届满前提前谋划、按程序报批，按期完成委员会换届选举，按规定健全支部委员会。' },
  },
  {
    id: 'dues', rules: ['EDU-03', 'DUES-13', 'DUES-14', 'PC-04'],
    lead: '党费收缴管理还不够规范',
    next: { title: '规范党费收缴管理', text: '按月收缴党费，及时提醒未按期交纳的党员，做好补交登记，做到账目清楚、按时上缴。' },
  },
  {
    id: 'development', rules: ['DEV-'],
    lead: '发展党员工作的程序和时限把握还不够严',
    next: { title: '规范发展党员工作', text: '严格按照《中国共产党发展党员工作细则》的程序和时限开展发展党员工作，各环节及时记录、按时办理。' },
  },
];

const OTHER: Category = {
  id: 'other', rules: [], lead: '有些工作还需加强',
  next: { title: '对照问题抓好整改', text: '对照检查发现的问题逐项明确措施、责任人和时限，整改一项、销号一项。' },
};

function categoryOf(f: Finding): Category {
  return CATEGORIES.find((c) => c.rules.some((r) => (r.endsWith('-') ? f.ruleId.startsWith(r) : f.ruleId === r))) ?? OTHER;
}

/**
 * The message with people's names taken out: a list after a colon ("…谈心谈话：张建国、玉香")
 * is dropped, and any name left is removed with its separators.
 */
export function withoutNames(msg: string, names: readonly string[]): string {
  const real = names.filter((n) => n.length >= 2);
  if (!real.some((n) => msg.includes(n))) return msg;
  let out = msg.replace(/[：:][^：:，。；]*$/, (tail) => (real.some((n) => tail.includes(n)) ? '' : tail));
  for (const n of real) out = out.split(n).join('');
  return out.replace(/(同志)?[、，]{2,}/g, '、').replace(/[、，]+$/, '').replace(/（\s*）/g, '');
}

/** The finding's message without its closing parenthetical explanation. */
function shortMessage(f: Finding): string {
  return f.message
    .replace(/（[^（）]*）$/, '')
    .replace(/[。；]$/, '')
    // Dates in the text are written 2025年3月15日 (GB/T 9704 7.3.5.4, DOC-13).
    .replace(/(\d{4})-(\d{2})-(\d{2})/g, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
}

export interface ProblemsOptions {
  /** The organization the summary is for: its own findings are stated without its name. */
  selfOrgId: string;
  /** Names of the organizations in the subtree, to name a branch in a 党委's summary. */
  orgNames: ReadonlyMap<string, string>;
  /**
   * Names of people in the records: an upward document names no individual in its problems, so a
   * finding message listing people is cut to its count (the names stay in the internal 问题清单).
   */
  privateNames?: readonly string[];
}

export interface ProblemsResult {
  /** One point per category with findings, in order. */
  problems: Inline[][];
  nextSteps: PlanPoint[];
}

/** A count of findings, written as a number bound to the members (or records) concerned. */
function countInline(key: string, findings: readonly Finding[], unit: string, type: SourceRef['type']): Inline {
  const ids = [...new Set(findings.flatMap((f) => f.recordIds))];
  const value = key.startsWith('findings.') ? findings.length : ids.length;
  return { type: 'number', factKey: key as `findings.${string}`, value, text: String(value), unit, sources: ids.map((id) => ({ type, id })) };
}

/**
 * Groups findings into problem points and matching next steps. Study-hour and dues findings are
 * counted (one finding per member); the others are named one by one.
 */
export function problemsFromFindings(findings: readonly Finding[], opts: ProblemsOptions): ProblemsResult {
  const groups = new Map<Category, Finding[]>();
  for (const f of findings) {
    const c = categoryOf(f);
    groups.set(c, [...(groups.get(c) ?? []), f]);
  }
  const problems: Inline[][] = [];
  const nextSteps: PlanPoint[] = [];
  for (const c of [...CATEGORIES, OTHER]) {
    const list = groups.get(c);
    if (!list) continue;
    const inlines: Inline[] = [{ type: 'text', text: `${c.lead}，` }];
    const text = (t: string) => {
      const last = inlines[inlines.length - 1];
      if (last?.type === 'text') last.text += t; else inlines.push({ type: 'text', text: t });
    };
    if (c.id === 'study') {
      const edu07 = list.filter((f) => f.ruleId === 'EDU-07');
      const edu08 = list.filter((f) => f.ruleId === 'EDU-08');
      if (edu07.length > 0) { inlines.push(countInline('findings.EDU-07', edu07, '名', 'member')); text('党员全年集中学习培训不足32学时'); }
      if (edu08.length > 0) {
        if (edu07.length > 0) text('，');
        inlines.push(countInline('findings.EDU-08', edu08, '名', 'member'));
        text('支部书记和委员未达到56学时');
      }
    } else if (c.id === 'dues') {
      // One finding per member: the count is of members, named by their records, not in the text.
      inlines.push(countInline('findings.dues', list, '名', 'member'));
      text('党员未按期足额交纳党费');
    } else if (c.id === 'development') {
      // A summary states how many steps ran late, not whose (people are not named in problems).
      inlines.push(countInline('findings.development', list, '项', 'developmentCase'));
      text('发展党员环节未在规定时限内办理');
    } else {
      const named = list.map((f) => {
        const name = f.orgId === opts.selfOrgId ? '' : opts.orgNames.get(f.orgId) ?? '';
        const msg = withoutNames(shortMessage(f), opts.privateNames ?? []);
        return msg.startsWith(name) ? msg : name + msg;
      });
      text([...new Set(named)].join('，'));
    }
    problems.push(inlines);
    nextSteps.push(c.next);
  }
  return { problems, nextSteps };
}
