/**
 * The summary draft as JSON: the whole document model (each number inline with its sources),
 * plus a flat index of every number, so a reader can trace each figure of the text to the
 * records behind it without walking the blocks.
 */
import type { Block, DraftDocument, FindingKey, RecordCountKey, Inline } from '../domain/report/document.ts';
import { toPlainText } from '../domain/report/document.ts';
import type { FactKey, SourceRef } from '../domain/stats/facts.ts';

/** One number of the text, where it stands and what it was computed from. */
export interface NumberEntry {
  /** The fact stated, or a count of regulations findings (`findings.…`). */
  factKey: FactKey | FindingKey | RecordCountKey;
  value: number;
  /** As written in the text, Arabic digits (`12`, `93.5`). */
  text: string;
  /** Unit written after it (`次`, `人次`, `%`). */
  unit: string;
  /** Id of the paragraph block the number stands in. */
  paragraphId: string;
  /** The records behind the number (activity, member, developmentEvent or organization ids). */
  sources: SourceRef[];
}

/** Shape of the JSON: `format` and `version` identify it for readers of exported files. */
export interface DraftJson {
  format: 'zhibu.draft';
  version: 1;
  document: DraftDocument;
  /** Every number inline, in document order. */
  numbers: NumberEntry[];
  /** The text as plain lines (title, headings with markers, paragraphs, sign-off). */
  plainText: string;
}

type NumberInline = Extract<Inline, { type: 'number' }>;
type ParagraphBlock = Extract<Block, { type: 'paragraph' }>;

/** Every number inline of `doc` with its paragraph id and sources, in document order. */
export function numberIndex(doc: DraftDocument): NumberEntry[] {
  return doc.blocks
    .filter((b): b is ParagraphBlock => b.type === 'paragraph')
    .flatMap((p) =>
      p.inlines
        .filter((i): i is NumberInline => i.type === 'number')
        .map((n) => ({ factKey: n.factKey, value: n.value, text: n.text, unit: n.unit, paragraphId: p.id, sources: n.sources })),
    );
}

/** Builds the JSON object (see DraftJson). */
export function toDraftJson(doc: DraftDocument): DraftJson {
  return { format: 'zhibu.draft', version: 1, document: doc, numbers: numberIndex(doc), plainText: toPlainText(doc) };
}

/** Renders the draft as pretty-printed JSON (2-space indent, trailing newline). */
export function renderJson(doc: DraftDocument): string {
  return JSON.stringify(toDraftJson(doc), null, 2) + '\n';
}
