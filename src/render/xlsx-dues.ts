/**
 * The party-dues ledger (党费收缴台账) as an .xlsx file, in the layout branches keep by hand:
 * a title row `{org}{year}年党费收缴台账`, a header row 姓名 类别 月交纳额 1月…12月 合计 欠交,
 * one row per member, and a 合计 row. Amounts are written in 元 as numbers with two decimals.
 */
import ExcelJS from 'exceljs';
import { neutralizeFormulas } from './xlsx-safe.ts';
import { Decimal } from 'decimal.js';

/** One member's row. Amounts in 分 (integers); a null month is left blank (nothing paid). */
export interface DuesLedgerSheetRow {
  name: string;
  /** Category label (在职党员 …), or null. */
  category: string | null;
  monthlyFen: number;
  /** Twelve entries, January first. */
  paidFen: ReadonlyArray<number | null>;
  totalPaidFen: number;
  owedFen: number;
}

export interface DuesLedgerSheet {
  title: string;
  rows: readonly DuesLedgerSheetRow[];
}

const MONTH_HEADERS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
export const DUES_LEDGER_HEADERS = ['姓名', '类别', '月交纳额', ...MONTH_HEADERS, '合计', '欠交'] as const;

const yuan = (fen: number): number => new Decimal(fen).dividedBy(100).toNumber();

/** Writes the ledger; returns the .xlsx bytes. */
export async function writeDuesLedgerXlsx(sheet: DuesLedgerSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党费台账', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = DUES_LEDGER_HEADERS.length;
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  ws.addRow([...DUES_LEDGER_HEADERS]).eachCell((c) => {
    c.font = { name: '宋体', bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  sheet.rows.forEach((r) => {
    ws.addRow([r.name, r.category ?? '', yuan(r.monthlyFen), ...r.paidFen.map((p) => (p === null ? null : yuan(p))), yuan(r.totalPaidFen), yuan(r.owedFen)]);
  });
  const monthTotals = MONTH_HEADERS.map((_, m) => sheet.rows.reduce((s, r) => s + (r.paidFen[m] ?? 0), 0));
  ws.addRow(['合计', '', null, ...monthTotals.map(yuan), yuan(sheet.rows.reduce((s, r) => s + r.totalPaidFen, 0)), yuan(sheet.rows.reduce((s, r) => s + r.owedFen, 0))])
    .eachCell((c) => { c.font = { name: '宋体', bold: true }; });
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 14;
  for (let c = 3; c <= width; c++) {
    ws.getColumn(c).width = c === 3 || c >= width - 1 ? 11 : 8;
    ws.getColumn(c).numFmt = '0.00';
  }
  for (let r = 2; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  neutralizeFormulas(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
