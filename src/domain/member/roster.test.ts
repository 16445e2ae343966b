import { describe, expect, it } from 'vitest';
import { rosterCells, rosterRecord, rosterSheet } from '../../../test/factories/roster.ts';
import { ValidationError } from '../errors.ts';
import { cellToDate, locateRosterHeader, ROSTER_FIELDS, rosterRowToMember, validateRoster, type Cell } from './roster.ts';

const TODAY = '2026-11-20';
const opts = { today: TODAY };

/** Replaces the cell of column `col` (0-based, ROSTER_FIELDS order) in a copy of `cells`. */
function withCell(cells: Cell[], col: number, value: Cell): Cell[] {
  const c = [...cells];
  c[col] = value;
  return c;
}
const COL = { name: 0, gender: 1, ethnicity: 2, birthDate: 3, education: 4, idNumber: 5, phone: 6, category: 7, admittedOn: 8, fullOn: 9, branchName: 10, positions: 11 };

describe('validateRoster: valid rosters', () => {
  it('returns every row, with spreadsheet row numbers and the values read', () => {
    const recs = [rosterRecord(1, { positions: ['secretary'] }), rosterRecord(2), rosterRecord(5)];
    const r = validateRoster(rosterSheet(recs.map(rosterCells)), opts);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toEqual(recs.map((x, i) => ({ ...x, rowNumber: i + 2, joinedOn: TODAY, joinedOnDefaulted: true })));
    expect(r.rows[2]!.category).toBe('probationary');
  });

  it('accepts header synonyms, notes in headers, and the usual date writings', () => {
    const rec = rosterRecord(4);
    const header: Cell[] = ['党员姓名', '性别', '民族', '出生年月日', '文化程度', '公民身份号码', '联系电话', '党员类别', '加入党组织日期', '转为正式党员日期', '所属党支部', '职务*', '备注'];
    const cells: Cell[] = [
      ` ${rec.name} `, rec.gender === 'male' ? '男' : '女', rec.ethnicity!.replace('族', ''), rec.birthDate.replace(/-/g, '.'), rec.education,
      rec.idNumber, `${rec.phone!.slice(0, 3)}-${rec.phone!.slice(3, 7)}-${rec.phone!.slice(7)}`, '正式', '2019年7月1日', '2020/7/1',
      rec.branchName, '组织委员，党小组长', '调入',
    ];
    const r = validateRoster(rosterSheet([cells], header), opts);
    expect(r).toEqual({
      ok: true,
      ignoredHeaders: ['备注'],
      rows: [{ ...rec, rowNumber: 2, admittedOn: '2019-07-01', fullOn: '2020-07-01', positions: ['organizationCommitteeMember', 'subgroupLeader'], joinedOn: TODAY, joinedOnDefaulted: true }],
    });
  });

  it('accepts an ID number written with Excel\'s leading apostrophe or a lower-case x', () => {
    const rec = rosterRecord(9);
    const r = validateRoster(rosterSheet([withCell(rosterCells(rec), COL.idNumber, `'${rec.idNumber.toLowerCase()}`)]), opts);
    expect(r.ok && r.rows[0]!.idNumber).toBe(rec.idNumber);
  });

  it('fills gender and birth date from the ID number when those cells are blank', () => {
    const rec = rosterRecord(3);
    const cells = withCell(withCell(rosterCells(rec), COL.gender, null), COL.birthDate, '');
    const r = validateRoster(rosterSheet([cells]), opts);
    expect(r.ok && r.rows[0]).toMatchObject({ gender: rec.gender, birthDate: rec.birthDate });
  });

  it('skips blank rows but keeps the row numbers of the rows after them', () => {
    const r = validateRoster(rosterSheet([rosterCells(rosterRecord(1)), [null, '  ', null], rosterCells(rosterRecord(2))]), opts);
    expect(r.ok && r.rows.map((x) => x.rowNumber)).toEqual([2, 4]);
  });
});

describe('validateRoster: every bad row is named, nothing is accepted', () => {
  it('names exactly the row with a wrong check digit and the row without a name', () => {
    const data = Array.from({ length: 6 }, (_, i) => rosterCells(rosterRecord(i + 1)));
    const id = data[1]![COL.idNumber] as string;
    data[1] = withCell(data[1]!, COL.idNumber, id.slice(0, 17) + (id[17] === '1' ? '2' : '1'));
    data[4] = withCell(data[4]!, COL.name, '');
    const r = validateRoster(rosterSheet(data), opts);
    expect(r).toEqual({
      ok: false,
      issues: [
        { row: 3, field: '身份证号', message: expect.stringContaining('校验位错误') },
        { row: 6, field: '姓名', message: '姓名为空' },
      ],
    });
  });

  it('reports each kind of problem on its row and field', () => {
    const rec = (i: number) => rosterCells(rosterRecord(i));
    const data: Cell[][] = [
      withCell(rec(1), COL.admittedOn, '2023-02-30'),                    // row 2: no such date
      withCell(rec(2), COL.category, '积极分子'),                          // row 3
      withCell(withCell(rec(3), COL.admittedOn, '2021-07-01'), COL.fullOn, '2020-07-01'), // row 4
      withCell(rec(4), COL.birthDate, '1950-01-01'),                     // row 5: disagrees with ID
      rec(1),                                                            // row 6: the person of row 2 again
      withCell(rec(7), COL.gender, rosterRecord(7).gender === 'male' ? '女' : '男'), // row 7: disagrees with ID
      withCell(rec(8), COL.phone, '12345'),                              // row 8
      withCell(rec(9), COL.positions, '主任'),                           // row 9
      withCell(rec(10), COL.ethnicity, '火星族'),                         // row 10
      withCell(rec(12), COL.fullOn, '2030-01-01'),                       // row 11: after today
      withCell(rec(13), COL.admittedOn, '2023-05'),                      // row 12: month only
      withCell(rec(14), COL.idNumber, 532801198503170000),               // row 13: stored as a number
    ];
    const r = validateRoster(rosterSheet(data), opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const got = r.issues.map((i) => [i.row, i.field]);
    expect(got).toEqual([
      [2, '入党时间'], [3, '人员类别'], [4, '入党时间'], [5, '出生日期'], [6, '身份证号'], [7, '性别'], [8, '手机号'],
      [9, '党内职务'], [10, '民族'], [11, '转正时间'], [12, '入党时间'], [13, '身份证号'],
    ]);
    expect(r.issues.find((i) => i.row === 6)!.message).toBe('身份证号与第2行重复');
    expect(r.issues.find((i) => i.row === 4)!.message).toBe('入党时间晚于转正时间');
    expect(r.issues.find((i) => i.row === 12)!.message).toContain('只有年月');
    expect(r.issues.find((i) => i.row === 13)!.message).toContain('文本格式');
  });

  it('checks the probation year, the age of 18, and the probationary member\'s dates', () => {
    const data: Cell[][] = [
      withCell(withCell(rosterCells(rosterRecord(1)), COL.admittedOn, '2020-07-01'), COL.fullOn, '2021-06-30'),
      [],
      withCell(rosterCells(rosterRecord(5)), COL.fullOn, '2026-10-01'),
      withCell(rosterCells(rosterRecord(16)), COL.admittedOn, null),
    ];
    const rec2 = rosterRecord(2);
    data[1] = withCell(withCell(rosterCells(rec2), COL.admittedOn, `${Number(rec2.birthDate.slice(0, 4)) + 17}-01-01`), COL.fullOn, null);
    const r = validateRoster(rosterSheet(data), opts);
    expect(r.ok ? [] : r.issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [2, '转正时间', '转正时间距入党时间不足一年（预备期为一年）'],
      [3, '入党时间', '入党时未满18周岁'],
      [4, '转正时间', '预备党员不应有转正时间'],
      [5, '入党时间', '预备党员须填写入党时间'],
    ]);
  });

  it('checks branch names against the known branches, and one secretary per branch', () => {
    const a = rosterCells(rosterRecord(2, { positions: ['secretary'] }));
    const b = rosterCells(rosterRecord(4, { positions: ['secretary', 'subgroupLeader'] }));
    const c = withCell(rosterCells(rosterRecord(6)), COL.branchName, '州外事办党支部');
    const r = validateRoster(rosterSheet([a, b, c]), { today: TODAY, knownBranchNames: ['州审计局党支部', '州财政局党支部'] });
    expect(r.ok ? [] : r.issues).toEqual([
      { row: 3, field: '党内职务', message: '同一党支部有两名书记（另见第2行）' },
      { row: 4, field: '所在党支部', message: '未知的党支部“州外事办党支部”' },
    ]);
  });

  it('reports missing required columns on the header row, and an empty sheet', () => {
    const header: Cell[] = ['姓名', '性别', '手机号'];
    expect(validateRoster(rosterSheet([['张三', '男', '13812345678']], header, 3), opts)).toEqual({
      ok: false,
      issues: [
        { row: 3, field: '身份证号', message: '缺少“身份证号”列' },
        { row: 3, field: '人员类别', message: '缺少“人员类别”列' },
      ],
    });
    expect(validateRoster(rosterSheet([]), { today: TODAY, knownBranchNames: ['x'] }).ok).toBe(false);
    expect(validateRoster(rosterSheet([[null, null]]), opts)).toEqual({ ok: false, issues: [{ row: 1, field: '姓名', message: '表头下没有任何数据行' }] });
  });
});

describe('locateRosterHeader', () => {
  it('skips title rows above the header', () => {
    const grid = [
      { rowNumber: 1, cells: ['州审计局党支部党员花名册', null] as Cell[] },
      { rowNumber: 2, cells: ['填报日期：2026年11月', null] as Cell[] },
      { rowNumber: 3, cells: ['序号', '名字', '身份证号码'] as Cell[] },
      { rowNumber: 4, cells: [1, '岩温', '532801198503170311'] as Cell[] },
    ];
    const s = locateRosterHeader(grid);
    expect(s.header.rowNumber).toBe(3);
    expect(s.rows.map((r) => r.rowNumber)).toEqual([4]);
  });
  it('throws a ValidationError when no row names 姓名', () => {
    expect(() => locateRosterHeader([{ rowNumber: 1, cells: ['序号', '身份证号'] }])).toThrow(ValidationError);
  });
});

describe('cellToDate', () => {
  it.each([
    ['2023-01-05', '2023-01-05'], ['2023/1/5', '2023-01-05'], ['2023.01.05', '2023-01-05'], ['2023年1月5日', '2023-01-05'],
    ['２０２３年１月５日', '2023-01-05'], ['20230105', '2023-01-05'], [20230105, '2023-01-05'], [44931, '2023-01-05'],
  ] as [Cell, string][])('reads %s', (cell, want) => {
    expect(cellToDate(cell)).toEqual({ ok: true, date: want });
  });
  it('reads Excel dates (UTC midnight) and local midnights as the same day', () => {
    expect(cellToDate(new Date(Date.UTC(2023, 0, 5)))).toEqual({ ok: true, date: '2023-01-05' });
    expect(cellToDate(new Date(2023, 0, 5))).toEqual({ ok: true, date: '2023-01-05' }); // TZ=Asia/Shanghai
  });
  it('rejects impossible dates, bare years and text', () => {
    for (const c of ['2023-02-29', '2023-13-01', '去年', 2023, '2023年5月']) expect(cellToDate(c).ok, String(c)).toBe(false);
    expect(cellToDate(null)).toEqual({ ok: true, date: null });
  });
});

describe('加入本支部日期', () => {
  it('is read from its column, defaults to the import date, and may not be later than today', () => {
    const r = validateRoster(rosterSheet([
      rosterCells(rosterRecord(1, { joinedOn: '2024-03-01' })),
      rosterCells(rosterRecord(2)),
    ]), opts);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.rows.map((x) => [x.joinedOn, x.joinedOnDefaulted])).toEqual([['2024-03-01', false], [opts.today, true]]);
    const bad = validateRoster(rosterSheet([rosterCells(rosterRecord(1, { joinedOn: '2099-01-01' }))]), opts);
    expect(bad.ok ? [] : bad.issues.map((i) => i.field)).toEqual(['加入本支部日期']);
  });

  it('accepts the synonym 转入时间', () => {
    const header = Object.values(ROSTER_FIELDS).map((h) => (h === '加入本支部日期' ? '转入时间' : h));
    const r = validateRoster(rosterSheet([rosterCells(rosterRecord(1, { joinedOn: '2025-05-05' }))], header), opts);
    expect(r.ok && r.rows[0]!.joinedOn).toBe('2025-05-05');
  });
});

describe('rosterRowToMember', () => {
  it('carries the row\'s fields, without the ID number or phone', () => {
    const r = validateRoster(rosterSheet([rosterCells(rosterRecord(5, { positions: ['deputySecretary'] }))]), opts);
    if (!r.ok) throw new Error('fixture should be valid');
    const m = rosterRowToMember(r.rows[0]!, { id: 'm1', orgId: 'o1', membershipId: 'p1' });
    expect(m).toMatchObject({ id: 'm1', orgId: 'o1', subgroupId: null, category: 'probationary', status: 'normal', positions: ['deputySecretary'] });
    // Joined the branch on the import date (the column was left out), never on the 入党时间.
    expect(m.memberships).toEqual([{ id: 'p1', memberId: 'm1', orgId: 'o1', startedOn: opts.today, startKind: 'rosterImport', endedOn: null, endKind: null, cameFrom: null, wentTo: null }]);
    expect(r.rows[0]!.joinedOnDefaulted).toBe(true);
    expect(JSON.stringify(m)).not.toContain(r.rows[0]!.idNumber);
    expect(JSON.stringify(m)).not.toContain(r.rows[0]!.phone!);
  });
});
