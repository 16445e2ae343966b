/**
 * The collected-summaries table as an .xlsx file: one row per summary (file, title,
 * organization, year, period, the main statistics in columns, other statistics, placeholders).
 * A placeholder statistic (X次) is written as “未填”, so a committee sees who left blanks.
 */
import ExcelJS from 'exceljs';
import { neutralizeFormulas } from './xlsx-safe.ts';
import { PERIOD_LABELS, TABLE_COLUMNS, type SummaryRow } from '../domain/analysis/table.ts';

/** The fixed columns before the statistics. */
const HEAD = ['文件', '标题', '组织', '年份', '时段'] as const;

/** Writes the table; returns the .xlsx bytes. */
export async function renderAnalysisTable(rows: readonly SummaryRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhibu';
  const ws = wb.addWorksheet('总结汇总', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const header = [...HEAD, ...TABLE_COLUMNS.map((c) => c.label), '其他统计', '残留占位符（处）'];
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const r of rows) {
    ws.addRow([
      r.file, r.title ?? '', r.org ?? '', r.year ?? '', r.period ? PERIOD_LABELS[r.period] : '',
      ...TABLE_COLUMNS.map((c) => {
        const v = r.stats[c.key];
        return v === undefined ? '' : v === null ? '未填' : v;
      }),
      r.otherStats.join('；'),
      r.placeholders,
    ]);
  }
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 24 : i === 1 ? 40 : i === 2 ? 20 : i === header.length - 2 ? 60 : 12;
  });
  ws.getColumn(header.length - 1).alignment = { wrapText: true, vertical: 'top' };
  neutralizeFormulas(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
