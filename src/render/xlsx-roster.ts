/**
 * The member roster (党员花名册) as an .xlsx file: reading a sheet into cells for
 * src/domain/member/roster.ts, and writing rows (for export and for test fixtures).
 *
 * Import flow for a use case:
 *   const sheet = await readRosterSheet(fileOrBuffer);          // I/O + header detection
 *   const result = validateRoster(sheet, { today, knownBranchNames }); // pure, all or nothing
 */
import { readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TooLargeError, ValidationError } from '../domain/errors.ts';
import { UPLOAD_LIMITS } from '../contract/uploads.ts';
import { assertZipWithinLimits, type ZipLimits } from './zip-guard.ts';
import { neutralizeFormulas, restoreNeutralized } from './xlsx-safe.ts';
import { POSITIONS } from '../domain/member/member.ts';
import {
  headerField, locateRosterHeader, ROSTER_FIELD_LIST, ROSTER_FIELDS,
  type Cell, type GridRow, type RosterEntry, type RosterRow, type RosterSheet,
} from '../domain/member/roster.ts';

/**
 * A roster row to write (the row number is the writer's business). Gender and birth date may be
 * unknown in an export: they are left blank, never guessed.
 */
export type RosterRecord = Omit<RosterEntry, 'gender' | 'birthDate'> & {
  gender: RosterRow['gender'] | null;
  birthDate: RosterRow['birthDate'] | null;
};

/** Converts an exceljs cell value (rich text, formula, hyperlink, …) to a plain cell. */
function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return restoreNeutralized(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v;
  if ('richText' in v) return restoreNeutralized(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return toCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return toCell((v as ExcelJS.CellHyperlinkValue).text);
  return null; // error values (#N/A …) carry no data
}

/** The bounds of one roster read (src/contract/uploads.ts states the values). */
export interface RosterReadLimits {
  /** Most bytes of the file as sent. */
  bytes: number;
  /** Most data rows under the header. */
  rows: number;
  /** Zip archive bounds (entries, unpacked bytes), checked before exceljs sees the file. */
  zip: ZipLimits;
}

/** The stated limits (src/contract/uploads.ts). */
export const ROSTER_READ_LIMITS: RosterReadLimits = {
  bytes: UPLOAD_LIMITS.rosterBytes,
  rows: UPLOAD_LIMITS.rosterRows,
  zip: { entries: UPLOAD_LIMITS.zipEntries, uncompressedBytes: UPLOAD_LIMITS.zipUncompressedBytes },
};

/** Rows above the header (titles, notes) that are searched for it before giving up. */
const HEADER_SEARCH_ROWS = 100;

/**
 * Reads the first worksheet of an .xlsx file (a path or its bytes) and locates the header row:
 * the first row with a 姓名 column (or a synonym); title rows above it are skipped. Row numbers
 * are the sheet's own (1-based). The file is checked as a zip archive first (entry count,
 * unpacked size: assertZipWithinLimits) and then read with exceljs' streaming reader, which
 * stops as soon as there are more than `limits.rows` data rows, so a 1,000,000-row workbook is
 * refused without being loaded. Throws ValidationError when the file is not a readable .xlsx,
 * has no worksheet, or no header row; TooLargeError (naming the limit) beyond the limits.
 */
export async function readRosterSheet(input: Buffer | string, limits: RosterReadLimits = ROSTER_READ_LIMITS): Promise<RosterSheet> {
  let bytes: Buffer;
  if (typeof input === 'string') {
    let size: number;
    try { size = statSync(input).size; } catch { throw new ValidationError(`无法读取文件：${input}`, [{ field: 'file', message: '文件不存在或无法读取' }]); }
    if (size > limits.bytes) throw rosterTooLarge(limits);
    bytes = readFileSync(input);
  } else bytes = input;
  if (bytes.length > limits.bytes) throw rosterTooLarge(limits);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  await assertZipWithinLimits(bytes, limits.zip, '花名册文件');

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const grid: GridRow[] = [];
  let headerAt = -1;
  let sawSheet = false;
  try {
    for await (const ws of reader) {
      sawSheet = true;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        if (!row.hasValues) continue;
        const cells: Cell[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(toCell(row.getCell(c).value));
        grid.push({ rowNumber: row.number, cells });
        if (headerAt < 0) {
          if (cells.some((c) => headerField(c) === 'name')) headerAt = grid.length - 1;
          else if (grid.length >= HEADER_SEARCH_ROWS) break;
        } else if (grid.length - 1 - headerAt > limits.rows) {
          throw new TooLargeError(`花名册超过 ${limits.rows.toLocaleString('en-US')} 行的上限，未导入任何数据；请分成几个文件分批导入`);
        }
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof TooLargeError) throw e;
    throw notXlsx();
  }
  if (!sawSheet) throw new ValidationError('该文件中没有工作表', [{ field: 'file', message: '没有工作表' }]);
  return locateRosterHeader(grid);
}

function notXlsx(): ValidationError {
  return new ValidationError('无法读取该文件：请提供 .xlsx 格式的花名册（旧版 .xls 请先另存为 .xlsx）', [{ field: 'file', message: '不是有效的 .xlsx 文件' }]);
}

function rosterTooLarge(limits: RosterReadLimits): TooLargeError {
  return new TooLargeError(`花名册文件超过 ${Math.round(limits.bytes / 1024 / 1024)} MB 的上限，未导入任何数据；请分成几个文件分批导入`);
}

const DATE_FIELDS = new Set(['birthDate', 'admittedOn', 'fullOn', 'joinedOn']);

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
      r.positions.map((p) => POSITIONS[p]).join('、'), excelDate(r.joinedOn ?? null),
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  neutralizeFormulas(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
