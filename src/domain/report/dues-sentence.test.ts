/** The dues facts (computeFacts) and their sentence in （二）组织建设 (composeDraft). */
import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../common/period.ts';
import type { Member } from '../member/member.ts';
import { analyzeSummary } from '../analysis/analyze.ts';
import type { LedgerRow } from '../regulations/dues.ts';
import { computeFacts } from '../stats/stats.ts';
import { composeDraft } from './compose.ts';
import { toPlainText } from './document.ts';
import { themesFor, validateThemesTable } from './themes.ts';
import themesJson from '../../../config/themes.json' with { type: 'json' };

const ORG = '00000000-0000-4000-8000-0000000000aa';
const member = (id: string): Member => ({
  id, orgId: ORG, subgroupId: null, name: id, gender: 'male', ethnicity: '汉族', birthDate: '1980-01-01', education: null,
  category: 'full', appliedOn: '2000-01-01', admittedOn: '2001-01-01', fullOn: '2002-01-01', status: 'normal', leftOn: null, positions: [],
  memberships: [{ id: `p-${id}`, memberId: id, orgId: ORG, startedOn: null, startKind: 'initial', endedOn: null, endKind: null, cameFrom: null, wentTo: null }],
});
const row = (memberId: string, month: string, dueFen: number, paidFen: number): LedgerRow => ({
  memberId, month, dueFen, paidFen, paidOn: paidFen > 0 ? `${month}-10` : null, paymentIds: [], status: paidFen >= dueFen ? 'paid' : paidFen > 0 ? 'partial' : 'unpaid',
});
const members = [member('m1'), member('m2')];
// m1 pays 122.70 every month; m2 owes 45.00 a month and pays 9 months of 12, one of them 5.00 extra.
const ledger = [
  ...Array.from({ length: 12 }, (_, i) => row('m1', `2026-${String(i + 1).padStart(2, '0')}`, 12270, 12270)),
  ...Array.from({ length: 12 }, (_, i) => row('m2', `2026-${String(i + 1).padStart(2, '0')}`, 4500, i < 8 ? 4500 : i === 8 ? 5000 : 0)),
];
const facts = (duesLedger?: LedgerRow[], asOf?: string) => computeFacts({
  orgId: ORG, includeSubtree: false, period: yearPeriod(2026), organizations: [{ id: ORG, parentId: null, path: 'x', type: 'partyBranch', name: '测试支部', unitKind: 'organ', establishedOn: null }],
  members, activities: [], developmentEvents: [], duesLedger, asOf,
});
const table = validateThemesTable(themesJson);
const draft = (f: ReturnType<typeof facts>) => composeDraft({
  kind: 'annual', facts: f, org: { id: ORG, name: '测试支部', type: 'partyBranch' }, parentOrgName: null, themes: themesFor(table, 2026), signoffDate: '2026-12-31',
});

describe('dues in the summary', () => {
  it('computes 元 collected and the collection rate (extra payments do not lift the rate)', () => {
    const f = facts(ledger).facts;
    expect(f['dues.collectedYuan'].value).toBe((12270 * 12 + 4500 * 8 + 5000) / 100);
    // (147240 + 36000 + 4500) / (147240 + 54000) = 93.29… %
    expect(f['dues.collectionRate'].value).toBe(93.3);
    expect(f['dues.collectionRate'].sources).toEqual([{ type: 'member', id: 'm1' }, { type: 'member', id: 'm2' }]);
  });

  it('counts dues by payment date in an unfinished year; the rate over the months already over', () => {
    const f = facts(ledger, '2026-09-15').facts;
    // September's payments were made on 09-10, before the cut-off: they are collected by then.
    expect(f['dues.collectedYuan'].value).toBe((12270 * 9 + 4500 * 8 + 5000) / 100);
    expect(facts(ledger, '2026-09-09').facts['dues.collectedYuan'].value).toBe((12270 * 8 + 4500 * 8) / 100);
    expect(f['dues.collectionRate'].value).toBe(100);
  });

  it('states them in （二）组织建设 with two decimals, bound to the facts; nothing when no dues are kept', () => {
    const doc = draft(facts(ledger));
    const text = toPlainText(doc);
    expect(text).toContain('严格党费收缴管理，一年来支部共收缴党费1882.40元，收缴率为93.3%。');
    const nums = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines.filter((i) => i.type === 'number' && i.factKey.startsWith('dues.')) : []));
    expect(nums.map((n) => (n.type === 'number' ? [n.factKey, n.value, n.text + n.unit] : []))).toEqual([['dues.collectedYuan', 1882.4, '1882.40元'], ['dues.collectionRate', 93.3, '93.3%']]);
    // The analyzer reads the statements back as they were written.
    const metrics = analyzeSummary(text).metrics.filter((m) => m.unit === '元' || m.quote === '93.3%');
    expect(metrics.map((m) => [m.value, m.quote])).toEqual([[1882.4, '1882.40元'], [93.3, '93.3%']]);
    expect(toPlainText(draft(facts()))).not.toContain('党费');
  });
});
