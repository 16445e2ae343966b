/** Pure shaping of member data for the members pages. */
import { MEMBER_CATEGORY_LABELS, MEMBER_STATUSES, POSITIONS, type Position } from '../../../../src/domain/member/member.ts';
import type { ImportPreview, MemberItem } from '../../lib/types.ts';

export const GENDER_LABELS = { male: '男', female: '女' } as const;

/** `书记、组织委员` — positions in Chinese, in the order of POSITIONS. */
export function positionsText(positions: readonly Position[]): string {
  return (Object.keys(POSITIONS) as Position[]).filter((p) => positions.includes(p)).map((p) => POSITIONS[p]).join('、');
}

export function categoryText(m: Pick<MemberItem, 'category'>): string {
  return MEMBER_CATEGORY_LABELS[m.category];
}

export function statusText(m: Pick<MemberItem, 'status'>): string {
  return MEMBER_STATUSES[m.status];
}

/** Options for a Select built from a label table. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** The editable fields of PUT /api/members/:id. */
export interface MemberEdit {
  name: string;
  gender: 'male' | 'female' | null;
  ethnicity: string | null;
  birthDate: string | null;
  education: string | null;
  category: MemberItem['category'];
  admittedOn: string | null;
  fullOn: string | null;
  status: MemberItem['status'];
  positions: Position[];
  subgroupId: string | null;
  /** New values only: the stored ones are never sent to the browser. Empty means unchanged. */
  phone?: string;
  idNumber?: string;
}

/**
 * The body of PUT /api/members/:id: only the fields that changed (empty strings as null), and
 * the phone and identity number only when a new one was typed — the form never holds the
 * stored values, so leaving them blank keeps them.
 */
export function memberPatch(original: MemberItem, edit: MemberEdit): Partial<MemberEdit> {
  const patch: Record<string, unknown> = {};
  const keys = ['name', 'gender', 'ethnicity', 'birthDate', 'education', 'category', 'admittedOn', 'fullOn', 'status', 'subgroupId'] as const;
  for (const k of keys) {
    const raw = edit[k];
    const v = typeof raw === 'string' ? (raw.trim() === '' ? null : raw.trim()) : (raw ?? null);
    if (v !== original[k]) patch[k] = v;
  }
  const samePositions = edit.positions.length === original.positions.length && edit.positions.every((p) => original.positions.includes(p));
  if (!samePositions) patch.positions = edit.positions;
  if (edit.phone?.trim()) patch.phone = edit.phone.trim();
  if (edit.idNumber?.trim()) patch.idNumber = edit.idNumber.trim();
  return patch as Partial<MemberEdit>;
}

export interface PreviewRow {
  key: number;
  row: ImportPreview['rows'][number];
  /** Messages for this row, `字段：说明`. */
  errors: string[];
}

/**
 * Preview rows joined with their issues; issues that name no row of the preview (a missing
 * column, an empty sheet) are returned apart to be shown above the table.
 */
export function previewRows(p: ImportPreview): { rows: PreviewRow[]; general: string[]; rowsWithErrors: number } {
  const byRow = new Map<number, string[]>();
  const known = new Set(p.rows.map((r) => r.rowNumber));
  const general: string[] = [];
  for (const i of p.issues) {
    const text = i.field ? `${i.field}：${i.message}` : i.message;
    if (known.has(i.row)) byRow.set(i.row, [...(byRow.get(i.row) ?? []), text]);
    else general.push(i.row ? `第 ${i.row} 行 ${text}` : text);
  }
  const rows = p.rows.map((row) => ({ key: row.rowNumber, row, errors: byRow.get(row.rowNumber) ?? [] }));
  return { rows, general, rowsWithErrors: rows.filter((r) => r.errors.length > 0).length };
}
