import { describe, expect, it } from 'vitest';
import type { MemberItem } from '../../lib/types.ts';
import { memberPatch, positionsText, previewRows, type MemberEdit } from './members-view.ts';

function member(over: Partial<MemberItem> = {}): MemberItem {
  return {
    id: 'm1', orgId: 'o1', subgroupId: null, name: '张三', gender: 'male', ethnicity: '汉族', birthDate: '1980-01-02',
    education: '大学', category: 'full', appliedOn: null, admittedOn: '2005-07-01', fullOn: '2006-07-01', status: 'normal',
    leftOn: null, positions: ['secretary'], idNumberMasked: '532601************', phoneMasked: '138****0000', memberships: [], ...over,
  };
}

function editOf(m: MemberItem, over: Partial<MemberEdit> = {}): MemberEdit {
  const { name, gender, ethnicity, birthDate, education, category, admittedOn, fullOn, status, positions, subgroupId } = m;
  return { name, gender, ethnicity, birthDate, education, category, admittedOn, fullOn, status, positions, subgroupId, ...over };
}

describe('memberPatch', () => {
  it('sends nothing when nothing changed (positions in another order included)', () => {
    const m = member({ positions: ['secretary', 'subgroupLeader'] });
    expect(memberPatch(m, editOf(m, { positions: ['subgroupLeader', 'secretary'] }))).toEqual({});
  });
  it('sends changed fields, blank text as null, and new personal data only when typed', () => {
    const m = member();
    expect(memberPatch(m, editOf(m, { education: '  ', status: 'mobile', phone: ' 13900001111 ', idNumber: '' })))
      .toEqual({ education: null, status: 'mobile', phone: '13900001111' });
  });
});

describe('positionsText', () => {
  it('writes positions in the official order', () => {
    expect(positionsText(['subgroupLeader', 'secretary'])).toBe('书记、党小组长');
  });
});

describe('previewRows', () => {
  it('attaches issues to their rows and keeps the others apart', () => {
    const row = (n: number) => ({ rowNumber: n, name: `人${n}`, gender: null, category: null, branchName: null, idNumberMasked: null, phoneMasked: null, admittedOn: null, fullOn: null, positions: null });
    const out = previewRows({ ok: false, rows: [row(2), row(3)], issues: [
      { row: 3, field: '身份证号', message: '校验位不符' }, { row: 3, field: '入党时间', message: '日期无效' }, { row: 0, field: '', message: '缺少“姓名”列' },
    ] });
    expect(out.rows.map((r) => r.errors)).toEqual([[], ['身份证号：校验位不符', '入党时间：日期无效']]);
    expect(out.general).toEqual(['缺少“姓名”列']);
    expect(out.rowsWithErrors).toBe(1);
  });
});
