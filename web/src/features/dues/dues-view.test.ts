import { describe, expect, it } from 'vitest';
import type { LedgerMonth } from './types.ts';
import { ledgerTotals, monthCell, monthlyRates, visibleLines, yuan } from './dues-view.ts';

function month(over: Partial<LedgerMonth> = {}): LedgerMonth {
  return { memberId: 'm1', month: '2026-08', dueFen: 11850, paidFen: 11850, paidOn: '2026-08-05', paymentIds: ['p1'], status: 'paid', ...over };
}

describe('amounts', () => {
  it('writes 分 as 元 exactly', () => {
    expect(yuan(11850)).toBe('118.50');
    expect(yuan(10555950)).toBe('105,559.50');
    expect(yuan(20)).toBe('0.20');
  });
});

describe('monthCell', () => {
  it('shows the amount paid, the shortfall of a partial month and 欠交 for an unpaid one', () => {
    expect(monthCell(month())).toMatchObject({ text: '118.50', tone: 'paid' });
    expect(monthCell(month({ status: 'partial', paidFen: 5000 }))).toMatchObject({ text: '50.00/118.50', tone: 'partial' });
    const unpaid = monthCell(month({ status: 'unpaid', paidFen: 0, paidOn: null }));
    expect(unpaid).toMatchObject({ text: '欠交', tone: 'unpaid' });
    expect(unpaid.title).toBe('应交 118.50 元，实交 0.00 元');
  });

  it('shows a dash for a month not due, unless paid in advance', () => {
    expect(monthCell(month({ status: 'notDue', dueFen: 0, paidFen: 0, paidOn: null }))).toMatchObject({ text: '—', tone: 'none' });
    expect(monthCell(month({ status: 'notDue', dueFen: 11850, paidFen: 11850, month: '2026-12' }))).toMatchObject({ text: '118.50', tone: 'paid' });
    expect(monthCell(undefined).tone).toBe('none');
  });
});

describe('collection', () => {
  it('spreads the monthly rates over the twelve months', () => {
    const r = monthlyRates(2026, [{ label: '2026-01', dueFen: 1, paidFen: 1, rate: '100.0%' }, { label: '2026-10', dueFen: 10, paidFen: 9, rate: '90.0%' }]);
    expect(r).toHaveLength(12);
    expect(r[0]).toBe('100.0%');
    expect(r[9]).toBe('90.0%');
    expect(r[11]).toBeNull();
  });

  it('counts the members owing and keeps only them when asked', () => {
    const lines = [{ owedFen: 0 }, { owedFen: 35550 }, { owedFen: 0 }];
    const totals = ledgerTotals({ lines: lines as never, collection: { months: [], total: { label: 'total', dueFen: 100, paidFen: 90, rate: '90.0%' } } });
    expect(totals).toEqual({ dueFen: 100, paidFen: 90, owing: 1, rate: '90.0%' });
    expect(visibleLines(lines, true)).toEqual([{ owedFen: 35550 }]);
    expect(visibleLines(lines, false)).toHaveLength(3);
  });
});
