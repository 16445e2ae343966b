import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rosterRecord } from '../../test/factories/roster.ts';
import { ValidationError } from '../domain/errors.ts';
import { validateRoster } from '../domain/member/roster.ts';
import { readRosterSheet, writeRosterXlsx } from './xlsx-roster.ts';

const TODAY = '2026-11-20';
const BRANCHES = ['州审计局党支部', '州财政局党支部'];

describe('roster .xlsx', () => {
  it('round-trips a 200-row roster that then validates with every value intact', async () => {
    const recs = Array.from({ length: 200 }, (_, i) => rosterRecord(i + 1, i === 0 ? { positions: ['secretary', 'subgroupLeader'] } : {}));
    const bytes = await writeRosterXlsx(recs, { title: '州直机关党委党员花名册' });
    const sheet = await readRosterSheet(bytes);
    expect(sheet.header.rowNumber).toBe(2);
    const r = validateRoster(sheet, { today: TODAY, knownBranchNames: BRANCHES });
    expect(r.ok ? r.rows.length : r.issues).toBe(200);
    if (!r.ok) return;
    expect(r.rows).toEqual(recs.map((x, i) => ({ ...x, rowNumber: i + 3, joinedOn: TODAY, joinedOnDefaulted: true })));
  });

  it('names exactly the row with a wrong check digit and the row without a name', async () => {
    const recs = Array.from({ length: 10 }, (_, i) => rosterRecord(i + 1));
    const id = recs[3]!.idNumber;
    recs[3] = { ...recs[3]!, idNumber: id.slice(0, 17) + (id[17] === '3' ? '4' : '3') };
    recs[7] = { ...recs[7]!, name: '' };
    const r = validateRoster(await readRosterSheet(await writeRosterXlsx(recs)), { today: TODAY });
    expect(r).toEqual({
      ok: false,
      issues: [
        { row: 5, field: '身份证号', message: expect.stringContaining('校验位错误') },
        { row: 9, field: '姓名', message: '姓名为空' },
      ],
    });
  });

  it('reads a hand-made sheet: synonyms, text dates, rich text, a number-typed phone, a title row', async () => {
    const rec = rosterRecord(8);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['州财政局党支部党员名册']);
    ws.addRow(['序号', '名字', '公民身份号码', '手机', '类别', '入党日期', '转正日期']);
    ws.addRow([1, { richText: [{ text: rec.name.slice(0, 1) }, { text: rec.name.slice(1) }] }, rec.idNumber, Number(rec.phone), '正式党员', '2019.07.01', '2020年7月1日']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = validateRoster(await readRosterSheet(bytes), { today: TODAY });
    expect(r).toMatchObject({ ok: true, ignoredHeaders: ['序号'], rows: [{ rowNumber: 3, name: rec.name, idNumber: rec.idNumber, phone: rec.phone, admittedOn: '2019-07-01', fullOn: '2020-07-01', branchName: null }] });
  });

  it('leaves an unknown gender and birth date blank in an export, never guessed', async () => {
    const bytes = await writeRosterXlsx([{ ...rosterRecord(1), gender: null, birthDate: null }]);
    const sheet = await readRosterSheet(bytes);
    const headers = sheet.header.cells.map((c) => String(c ?? ''));
    const row = sheet.rows[0]!.cells;
    expect(row[headers.indexOf('性别')] ?? null).toBeNull();
    expect(row[headers.indexOf('出生日期')] ?? null).toBeNull();
  });

  it('refuses a file that is not an .xlsx, with a Chinese message', async () => {
    await expect(readRosterSheet(Buffer.from('姓名,身份证号\n'))).rejects.toThrow(ValidationError);
    await expect(readRosterSheet(Buffer.from('x'))).rejects.toThrow(/xlsx/);
  });
});
