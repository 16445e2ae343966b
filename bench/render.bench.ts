/**
 * Time to render a typical summary draft as .docx (issue 2: target < 300 ms), and as Markdown
 * and JSON. The draft is an annual summary of about nine pages with 30 numbers, each with its
 * sources (the size of a branch-year's summary).
 */
import { renderDocx } from '../src/render/docx.ts';
import { renderJson } from '../src/render/json.ts';
import { renderMarkdown } from '../src/render/markdown.ts';
import { makeLongDraft } from '../test/factories/draft.ts';
import { median, type BenchResult } from './util.ts';

export async function run(): Promise<BenchResult[]> {
  const draft = makeLongDraft(3);
  return [
    { name: 'render .docx of a typical summary (≈9 pages)', value: await median(() => renderDocx(draft)), target: 300 },
    { name: 'render Markdown of the same summary', value: await median(() => renderMarkdown(draft)) },
    { name: 'render JSON (with number index) of the same summary', value: await median(() => renderJson(draft)) },
  ];
}
