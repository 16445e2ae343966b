/**
 * The member roster (党员花名册) as an .xlsx file: reading a sheet into cells for
 * src/domain/member/roster.ts, and writing rows (for export and for test fixtures).
 *
 * Import flow for a use case:
 *   const sheet = await readRosterSheet(fileOrBuffer);          // I/O + header detection
 *   const result = validateRoster(sheet, { today, knownBranchNames }); // pure, all or nothing
 */
import ExcelJS from 'exceljs';
import { ValidationError } from '../domain/errors.ts';
import { POSITIONS } from '../domain/member/member.ts';
import {
  locateRosterHeader, ROSTER_FIELD_LIST, ROSTER_FIELDS,
  type Cell, type GridRow, type RosterRow, type RosterSheet,
} from '../domain/member/roster.ts';

/**
 * A roster row to write (the row number is the writer's business). Gender and birth date may be
 * unknown in an export: they are left blank, never guessed.
 */
export type RosterRecord = Omit<RosterRow, 'rowNumber' | 'gender' | 'birthDate'> & {
  gender: RosterRow['gender'] | null;
  birthDate: RosterRow['birthDate'] | null;
};

/** Converts an exceljs cell value (rich text, formula, hyperlink, …) to a plain cell. */
function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return toCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return toCell((v as ExcelJS.CellHyperlinkValue).text);
  return null; // error values (#N/A …) carry no data
}

/**
 * Reads the first worksheet of an .xlsx file (a path or its bytes) and locates the header row:
 * the first row with a 姓名 column (or a synonym); title rows above it are skipped. Row numbers
 * are the sheet's own (1-based). Throws ValidationError when the file is not a readable .xlsx,
 * has no worksheet, or no header row. Reads the whole file into memory (fine for ≤ 10k rows).
 */
export async function readRosterSheet(input: Buffer | string): Promise<RosterSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    if (typeof input === 'string') await wb.xlsx.readFile(input);
    else await wb.xlsx.load(input as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('无法读取该文件：请提供 .xlsx 格式的花名册（旧版 .xls 请先另存为 .xlsx）', [{ field: 'file', message: '不是有效的 .xlsx 文件' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ValidationError('该文件中没有工作表', [{ field: 'file', message: '没有工作表' }]);
  const grid: GridRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(toCell(row.getCell(c).value));
    grid.push({ rowNumber, cells });
  });
  return locateRosterHeader(grid);
}

const DATE_FIELDS = new Set(['birthDate', 'admittedOn', 'fullOn']);

/**
 * Writes rows as an .xlsx roster with the standard Chinese headers (ROSTER_FIELDS order).
 * Dates are real Excel dates (format yyyy-mm-dd); 身份证号 and 手机号 are text cells, so that
 * Excel does not round 18-digit numbers. With `title`, a merged title row comes first and the
 * header is on row 2. Returns the file's bytes.
 */
export async function writeRosterXlsx(rows: readonly RosterRecord[], options: { title?: string; sheetName?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheetName ?? '党员花名册');
  const n = ROSTER_FIELD_LIST.length;
  if (options.title) {
    const t = ws.addRow([options.title]);
    ws.mergeCells(t.number, 1, t.number, n);
    t.getCell(1).font = { bold: true, size: 16 };
    t.getCell(1).alignment = { horizontal: 'center' };
  }
  const header = ws.addRow(Object.values(ROSTER_FIELDS));
  header.font = { bold: true };
  ROSTER_FIELD_LIST.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    col.width = f === 'idNumber' ? 22 : f === 'branchName' ? 20 : DATE_FIELDS.has(f) || f === 'phone' ? 14 : 10;
    if (f === 'idNumber' || f === 'phone') col.numFmt = '@';
    if (DATE_FIELDS.has(f)) col.numFmt = 'yyyy-mm-dd';
  });
  const excelDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
  for (const r of rows) {
    ws.addRow([
      r.name, r.gender === null ? null : r.gender === 'male' ? '男' : '女', r.ethnicity, excelDate(r.birthDate), r.education, r.idNumber, r.phone,
      r.category === 'full' ? '正式党员' : '预备党员', excelDate(r.admittedOn), excelDate(r.fullOn), r.branchName,
      r.positions.map((p) => POSITIONS[p]).join('、'),
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
