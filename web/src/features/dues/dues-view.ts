/** Pure shaping for the 党费台账 page: month cells, amounts in 元 from 分, the collection per month. */
import type { CollectionRate, DuesLedger, LedgerMonth } from './types.ts';

/** `355.50` from 分 (integer arithmetic, thousands separated: amounts stay exact). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.trunc(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** What a month cell shows: the amount paid, the shortfall, or nothing when nothing was due. */
export interface MonthCell {
  text: string;
  tone: 'paid' | 'partial' | 'unpaid' | 'none';
  /** For the cell's tooltip: due, paid and the date. */
  title: string;
}

export function monthCell(m: LedgerMonth | undefined): MonthCell {
  if (!m || m.status === 'notDue') {
    return m && m.paidFen > 0
      ? { text: yuan(m.paidFen), tone: 'paid', title: `预交 ${yuan(m.paidFen)} 元（${m.paidOn ?? ''}）` }
      : { text: '—', tone: 'none', title: '未到交纳时间或无需交纳' };
  }
  const title = `应交 ${yuan(m.dueFen)} 元，实交 ${yuan(m.paidFen)} 元${m.paidOn ? `（${m.paidOn}）` : ''}`;
  if (m.status === 'paid') return { text: yuan(m.paidFen), tone: 'paid', title };
  if (m.status === 'partial') return { text: `${yuan(m.paidFen)}/${yuan(m.dueFen)}`, tone: 'partial', title };
  return { text: '欠交', tone: 'unpaid', title };
}

/** The collection rate of each of the twelve months (null where nothing was due). */
export function monthlyRates(year: number, months: readonly CollectionRate[]): (string | null)[] {
  const by = new Map(months.map((m) => [m.label, m.rate]));
  return Array.from({ length: 12 }, (_, i) => by.get(`${year}-${String(i + 1).padStart(2, '0')}`) ?? null);
}

/** Totals for the cards: due and paid (分), members owing something, and the year's rate. */
export function ledgerTotals(l: Pick<DuesLedger, 'lines' | 'collection'>): { dueFen: number; paidFen: number; owing: number; rate: string | null } {
  return {
    dueFen: l.collection.total.dueFen,
    paidFen: l.collection.total.paidFen,
    owing: l.lines.filter((x) => x.owedFen > 0).length,
    rate: l.collection.total.rate,
  };
}

/** The lines to show: all, or only the members who owe something. */
export function visibleLines<T extends { owedFen: number }>(lines: readonly T[], owingOnly: boolean): T[] {
  return owingOnly ? lines.filter((l) => l.owedFen > 0) : [...lines];
}
