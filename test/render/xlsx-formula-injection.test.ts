import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderAnalysisTable } from '../../src/render/xlsx-analysis.ts';
import { writeDuesLedgerXlsx } from '../../src/render/xlsx-dues.ts';
import { readRosterSheet, writeRosterXlsx } from '../../src/render/xlsx-roster.ts';
import { neutralizeText, restoreNeutralized } from '../../src/render/xlsx-safe.ts';
import { rosterRecord } from '../factories/roster.ts';

const EVIL = ['=HYPERLINK("http://evil.example","点我")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

/** Every text cell of the first worksheet. */
async function texts(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === 'string') out.push(c.value);
    else if (c.value && typeof c.value === 'object' && 'formula' in c.value) out.push(`FORMULA:${String(c.value.formula)}`);
  }));
  return out;
}

const unsafe = (cells: string[]) => cells.filter((t) => /^[=+\-@\t\r]/.test(t) || t.startsWith('FORMULA:'));

describe('formula injection in exported .xlsx', () => {
  it('prefixes a text that starts like a formula, and restores it', () => {
    for (const e of EVIL) {
      expect(neutralizeText(e)).toBe(`'${e}`);
      expect(restoreNeutralized(neutralizeText(e))).toBe(e);
    }
    expect(neutralizeText('张三')).toBe('张三');
    expect(neutralizeText('1-2')).toBe('1-2');
  });

  it('the dues ledger: user names and the title', async () => {
    const bytes = await writeDuesLedgerXlsx({
      title: '=1+1党支部2026年党费收缴台账',
      rows: EVIL.map((name) => ({ name, category: '@在职', monthlyFen: 100, paidFen: Array(12).fill(null), totalPaidFen: 0, owedFen: 0 })),
    });
    const cells = await texts(bytes);
    expect(unsafe(cells)).toEqual([]);
    expect(cells).toContain(`'${EVIL[0]}`);
  });

  it('the collected-summaries table: file names, titles, organizations, other statistics', async () => {
    const bytes = await renderAnalysisTable(EVIL.map((e) => ({
      file: `${e}.docx`, title: e, org: e, year: 2025, period: null, stats: {}, otherStats: [e], placeholders: 0,
    })));
    expect(unsafe(await texts(bytes))).toEqual([]);
  });

  it('the roster: every user text, and an exported roster reads back unchanged', async () => {
    const recs = EVIL.map((e, i) => rosterRecord(i + 1, { name: e, ethnicity: '+汉族', education: '-大学', branchName: '=州审计局党支部' }));
    const bytes = await writeRosterXlsx(recs, { title: '@花名册' });
    expect(unsafe(await texts(bytes))).toEqual([]);
    const sheet = await readRosterSheet(bytes);
    const nameCol = sheet.header.cells.indexOf('姓名');
    expect(nameCol).toBeGreaterThanOrEqual(0);
    // (XML itself reads a stored CR back as LF.)
    expect(sheet.rows.map((r) => r.cells[nameCol])).toEqual(EVIL.map((e) => e.replace('\r', '\n')));
  });
});
