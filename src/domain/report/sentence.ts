/**
 * Building blocks of the composer: a sentence whose numbers are bound to facts (or to the records
 * it names) and which carries its binding, points made of sentences, and the quoting of record
 * titles. Pure.
 */
import type { Facts, FactKey, SourceRef } from '../stats/facts.ts';
import { formatFactValue } from '../stats/stats.ts';
import { chineseOrdinal, inlineText, type Binding, type Block, type Inline, type RecordCountKey, type SentenceBinding } from './document.ts';

/** One sentence: inlines plus the records it rests on, or the themes line it comes from. */
export class Sentence {
  readonly inlines: Inline[] = [];
  private readonly refs = new Map<string, SourceRef>();
  private themesKey: string | null = null;
  constructor(private readonly facts: Facts) {}

  /** Appends text. */
  t(text: string): this {
    const last = this.inlines[this.inlines.length - 1];
    if (last?.type === 'text') last.text += text;
    else if (text) this.inlines.push({ type: 'text', text });
    return this;
  }

  /** Appends a fact's number with its unit; its sources become the sentence's. */
  n(key: FactKey, unit?: string, text?: (value: number) => string): this {
    const f = this.facts.facts[key];
    this.inlines.push({ type: 'number', factKey: key, value: f.value, text: (text ?? formatFactValue)(f.value), unit: unit ?? f.unit, sources: f.sources });
    this.src(f.sources);
    return this;
  }

  /** Appends a count of the records given (value = their number), bound to them. */
  c(key: RecordCountKey, sources: readonly SourceRef[], unit: string): this {
    this.inlines.push({ type: 'number', factKey: key, value: sources.length, text: String(sources.length), unit, sources: [...sources] });
    this.src(sources);
    return this;
  }

  /** Binds the sentence to records it names (titles, results) without a number. */
  src(sources: readonly SourceRef[]): this {
    for (const s of sources) this.refs.set(`${s.type}:${s.id}`, s);
    return this;
  }

  /** Marks the sentence as a line of the themes table. */
  themes(key: string): this {
    this.themesKey = key;
    return this;
  }

  get text(): string { return inlineText(this.inlines); }

  binding(): Binding {
    if (this.refs.size > 0) return { kind: 'records', sources: [...this.refs.values()] };
    // A sentence without records must come from the themes table; the tests hold the composer to it.
    return { kind: 'themes', key: this.themesKey ?? 'unbound' };
  }
}

/** A point of a subsection ("一是……"): one or more sentences. */
export type Point = Sentence[];

/** A paragraph block from sentences, with its sentence bindings. */
export function paragraph(id: string, sentences: readonly Sentence[]): Extract<Block, { type: 'paragraph' }> {
  const inlines: Inline[] = [];
  const bindings: SentenceBinding[] = [];
  for (const s of sentences) {
    for (const x of s.inlines) {
      const last = inlines[inlines.length - 1];
      if (x.type === 'text' && last?.type === 'text') last.text += x.text;
      else inlines.push(x.type === 'text' ? { ...x } : x);
    }
    bindings.push({ text: s.text, binding: s.binding() });
  }
  return { type: 'paragraph', id, inlines, sentences: bindings };
}

/** Prefixes "一是" … to each point's first sentence when there are several points. */
export function enumeratePoints(points: readonly Point[], prefix = (i: number) => `${chineseOrdinal(i + 1)}是`): Sentence[] {
  if (points.length <= 1) return points.flat();
  const out: Sentence[] = [];
  points.forEach((pt, i) => {
    const first = pt[0];
    if (!first) return;
    first.inlines.unshift({ type: 'text', text: prefix(i) });
    mergeLeadingText(first);
    out.push(...pt);
  });
  return out;
}

function mergeLeadingText(s: Sentence): void {
  const [a, b] = s.inlines;
  if (a?.type === 'text' && b?.type === 'text') { a.text += b.text; s.inlines.splice(1, 1); }
}

/** A title inside Chinese quotation marks, inner “” turned into ‘’ (nested quotes). */
export function quote(title: string): string {
  return `“${title.replace(/“/g, '‘').replace(/”/g, '’').replace(/[。；]$/, '')}”`;
}

/** Book-title marks for a 党课 or a document title (《…》), keeping existing ones. */
export function bookTitle(title: string): string {
  const t = title.replace(/^《|》$/g, '');
  return `《${t}》`;
}

/**
 * Up to `max` items spread over the list (first, last and evenly between), keeping their order:
 * the examples a point names should span the period, not bunch at its start.
 */
export function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 0) return [];
  if (max === 1) return [items[0]!];
  const idx = new Set<number>();
  for (let k = 0; k < max; k++) idx.add(Math.round((k * (items.length - 1)) / (max - 1)));
  return [...idx].sort((a, b) => a - b).map((i) => items[i]!);
}
