/**
 * Formula injection (CSV/spreadsheet injection, OWASP): a text that came from a user and starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return can be taken for a formula by a spreadsheet
 * program once the cell is edited or the sheet is saved as CSV (`=HYPERLINK(…)`, `=cmd|…`). Every
 * .xlsx this project writes passes through `neutralizeFormulas` before it is saved: such a text
 * gets a leading apostrophe, the prefix spreadsheet programs read as "this is text". Readers undo
 * it with `restoreNeutralized`, so an exported roster imports back unchanged.
 */
import type ExcelJS from 'exceljs';

const TRIGGER = /^[=+\-@\t\r]/;
// XML reading turns a stored CR into LF, so a neutralized CR comes back as LF.
const NEUTRALIZED = /^'[=+\-@\t\r\n]/;

/** `text` made safe for a spreadsheet cell: a leading `'` when it starts like a formula. */
export function neutralizeText(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/** The text as the user wrote it, from a cell written by `neutralizeText`. */
export function restoreNeutralized(text: string): string {
  return NEUTRALIZED.test(text) ? text.slice(1) : text;
}

/**
 * Neutralizes every text cell of every worksheet (plain and rich text, hyperlink labels). Numbers,
 * dates and real formulas the program wrote itself are left alone. Call it last, before writing.
 */
export function neutralizeFormulas(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          if (TRIGGER.test(v)) cell.value = neutralizeText(v);
        } else if (v && typeof v === 'object' && 'richText' in v && v.richText.length > 0 && TRIGGER.test(v.richText[0]!.text)) {
          cell.value = { richText: [{ ...v.richText[0]!, text: neutralizeText(v.richText[0]!.text) }, ...v.richText.slice(1)] };
        } else if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.text === 'string' && TRIGGER.test(v.text)) {
          cell.value = { ...v, text: neutralizeText(v.text) };
        }
      });
    });
  }
}
