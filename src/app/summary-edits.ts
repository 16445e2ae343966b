/**
 * Paragraph edits of a saved summary, kept apart from the generated draft: a paragraph's text is
 * the segments between its numbers, and an edit replaces only those segments, so every number
 * stays bound to the records behind it. Pure functions (no I/O).
 */
import { inlineText, type Block, type DraftDocument, type Inline } from '../domain/report/document.ts';
import { ValidationError } from '../domain/errors.ts';

/** One paragraph's edit: its text segments (numbers + 1) and the generated text they replaced. */
export interface ParagraphEdit {
  texts: string[];
  /** `inlineText` of the generated paragraph when the edit was made (to detect regenerated changes). */
  baseText: string;
}

export type SummaryEdits = Record<string, ParagraphEdit>;

export type { ViewBlock, EditedDraft } from '../contract/views.ts';
import type { ViewBlock, EditedDraft } from '../contract/views.ts';

type Paragraph = Extract<Block, { type: 'paragraph' }>;

/** The text segments around a paragraph's numbers (always numbers + 1 entries). */
export function textSegments(inlines: readonly Inline[]): string[] {
  const out = [''];
  for (const i of inlines) {
    if (i.type === 'text') out[out.length - 1] += i.text;
    else out.push('');
  }
  return out;
}

/** The paragraph's inlines with its text segments replaced by `texts` (numbers kept in place). */
export function withSegments(inlines: readonly Inline[], texts: readonly string[]): Inline[] {
  const numbers = inlines.filter((i) => i.type === 'number');
  const out: Inline[] = [];
  texts.forEach((t, k) => {
    if (t) out.push({ type: 'text', text: t });
    const n = numbers[k];
    if (n) out.push(n);
  });
  return out;
}

/** The paragraph with this id, or null. */
export function findParagraph(draft: DraftDocument, id: string): Paragraph | null {
  return (draft.blocks.find((b) => b.type === 'paragraph' && b.id === id) as Paragraph | undefined) ?? null;
}

/**
 * Checks an edit against its paragraph: `texts` must have one entry more than the paragraph has
 * numbers, each at most 2,000 characters. Throws ValidationError naming `texts`.
 */
export function makeEdit(paragraph: Paragraph, texts: readonly string[]): ParagraphEdit {
  const numbers = paragraph.inlines.filter((i) => i.type === 'number').length;
  if (texts.length !== numbers + 1) {
    throw new ValidationError(`该段有 ${numbers} 个数字，texts 应有 ${numbers + 1} 段文字（数字本身不可编辑）`, [{ field: 'texts', message: `应为 ${numbers + 1} 段` }]);
  }
  if (texts.some((t) => t.length > 2000)) throw new ValidationError('每段文字最多 2000 字', [{ field: 'texts', message: '过长' }]);
  return { texts: [...texts], baseText: inlineText(paragraph.inlines) };
}

/** The draft with the edits applied (edits of paragraphs that no longer exist are ignored). */
export function applyEdits(draft: DraftDocument, edits: SummaryEdits): EditedDraft {
  return {
    ...draft,
    blocks: draft.blocks.map((b): ViewBlock => {
      if (b.type !== 'paragraph') return b;
      const e = edits[b.id];
      return e ? { ...b, inlines: withSegments(b.inlines, e.texts), edited: true } : { ...b, edited: false };
    }),
  };
}

/**
 * After regeneration: keeps an edit when its paragraph still exists with the same generated
 * text as when the edit was made; drops the others and lists their ids as conflicts.
 */
export function rebaseEdits(next: DraftDocument, edits: SummaryEdits): { edits: SummaryEdits; conflicts: string[] } {
  const kept: SummaryEdits = {};
  const conflicts: string[] = [];
  for (const [id, e] of Object.entries(edits)) {
    const p = findParagraph(next, id);
    if (p && inlineText(p.inlines) === e.baseText) kept[id] = e;
    else conflicts.push(id);
  }
  return { edits: kept, conflicts };
}
