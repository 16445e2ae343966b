/**
 * The summary draft as Markdown: for pasting into chat, wikis and e-mail, and for reviewing a
 * draft's text in a diff. Headings keep their Chinese markers (一、 （一） 1. （1）).
 */
import type { Block, DraftDocument } from '../domain/report/document.ts';
import { inlineText } from '../domain/report/document.ts';
import { LINE_CHARS, signoffIndents, widthInChars } from './layout.ts';

const IDEOGRAPHIC_SPACE = '\u3000';

/** Escapes what Markdown would read as markup in running text (Chinese text seldom has any). */
function escapeText(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(\s)/, '$1\\$2$3');
}

/** Leading ideographic spaces that put `text` `rightIndent` characters in from the end of the line. */
function rightAligned(text: string, rightIndent: number): string {
  const pad = Math.max(0, Math.round(LINE_CHARS - rightIndent - widthInChars(text)));
  return IDEOGRAPHIC_SPACE.repeat(pad) + escapeText(text);
}

function renderBlock(block: Block, headingOffset: number): string {
  switch (block.type) {
    case 'title': return `# ${escapeText(block.text)}`;
    case 'part': return `## ${escapeText(block.text)}`;
    case 'heading': return `${'#'.repeat(block.level + 1 + headingOffset)} ${escapeText(block.marker + block.text)}`;
    case 'paragraph': return escapeText(inlineText(block.inlines));
    case 'signoff': {
      // Markdown cannot right-align: ideographic spaces place the name 2 characters in from the
      // right of a 28-character line and the date under it (DOC-12); a hard break joins them.
      const at = signoffIndents(block.orgName, block.dateText);
      return `${rightAligned(block.orgName, at.name)}  \n${rightAligned(block.dateText, at.date)}`;
    }
  }
}

/**
 * Renders the draft as CommonMark: the title as `#`, 第一部分/第二部分 as `##`, headings one level
 * below (`##` for `一、`, `###` for `（一）`, …, one more when the document has parts), paragraphs
 * with numbers written with their units, and the sign-off as two right-aligned lines.
 */
export function renderMarkdown(doc: DraftDocument): string {
  const headingOffset = doc.blocks.some((b) => b.type === 'part') ? 1 : 0;
  return doc.blocks.map((b) => renderBlock(b, headingOffset)).join('\n\n') + '\n';
}
