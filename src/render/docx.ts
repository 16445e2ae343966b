/**
 * The summary draft as a Word document in the GB/T 9704-2012 layout (regulations.md §8,
 * DOC-03 … DOC-14, TV-28): A4, margins 37/35/28/26 mm, 22 lines × 28 characters, title 2号
 * 小标宋, body 3号 仿宋, headings 黑体 / 楷体 / 仿宋 by level, unsealed sign-off, page numbers
 * "— N —" odd right / even left.
 *
 * The grid is built the way LibreOffice and Word both honour it (stack-notes.md): exact 579-twip
 * lines on a `lines` document grid, and 16 pt runs condensed by 0.25 pt so that 28 characters fill
 * the 156 mm line. The usual Word "lines and characters" grid shows ~18 characters per line in
 * LibreOffice, so it is not used.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
  type IParagraphStyleOptions,
} from 'docx';

import type { Block, DraftDocument, HeadingLevel, Inline } from '../domain/report/document.ts';
import { signoffIndents, titleLines } from './layout.ts';

/** Rendering choices a unit may change; the defaults follow GB/T 9704 as written. */
export interface DocxOptions {
  /**
   * Bold `（一）` and `1.` headings. The standard says nothing about bold; many local templates
   * add it to levels 2 and 3 (DOC-10), so it is a choice, off by default.
   */
  boldHeadings?: boolean;
  /** `dc:creator` of the document; defaults to `Zhibu`. */
  creator?: string;
}

/** Twips per millimetre (1 inch = 1440 twips = 25.4 mm). */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

/** Page and margins of DOC-03/DOC-04 in twips: A4, top 37, bottom 35, left 28, right 26 mm. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
} as const;

/** Body line pitch: 225 mm / 22 lines ≈ 28.95 pt, written as exact 579-twip lines (DOC-06). */
export const LINE_PITCH = 579;
/** 3号 = 16 pt (32 half-points); the body size (DOC-05). */
const BODY_HALF_POINTS = 32;
/** 2号 = 22 pt: the title (DOC-09). */
const TITLE_HALF_POINTS = 44;
/** 4号 = 14 pt: page numbers (DOC-14). */
const PAGE_NUMBER_HALF_POINTS = 28;
/**
 * Character spacing of body runs in twentieths of a point: −0.25 pt makes each character
 * 15.75 pt wide, so 28 fit in 156 mm (442.2 pt) and 29 do not (TV-28).
 */
const BODY_CHAR_SPACING = -5;
/** One body character (字, DOC-01) in twips: 16 pt − 0.25 pt = 15.75 pt. */
export const BODY_CHAR = 315;
/** One 4号 character in twips, the page number's inset from the text block edge (DOC-14). */
const PAGE_NUMBER_CHAR = 280;
/**
 * Footer distance from the page's bottom edge (the bottom of the page-number line). 24.5 mm puts
 * the dashes of "— N —" 7 mm below the text block (DOC-14): measured in LibreOffice at 269.0 mm
 * from the top edge, with the block ending at 262 mm.
 */
const FOOTER_DISTANCE = mm(24.5);

/** Font names as Chinese offices have them; fontconfig aliases (fonts/fonts.conf) stand in on Linux. */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

type FontName = (typeof FONTS)[keyof typeof FONTS];

/** Word substitutes a missing font from the font table: a close face and the GB2312 charset (86). */
const FONT_TABLE: Record<FontName, { altName: string; panose: string; family: string; pitch: string }> = {
  方正小标宋简体: { altName: '宋体', panose: '02000000000000000000', family: 'script', pitch: 'variable' },
  仿宋_GB2312: { altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  黑体: { altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  楷体_GB2312: { altName: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  宋体: { altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
};

function fontTableXml(): string {
  const fonts = Object.entries(FONT_TABLE).map(([name, f]) =>
    `<w:font w:name="${name}"><w:altName w:val="${f.altName}"/><w:panose1 w:val="${f.panose}"/>` +
    `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  );
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + fonts.join('') + '</w:fonts>';
}

/** Run properties of one face: the same name for ASCII, East Asian and other text, language zh-CN. */
function face(font: FontName, halfPoints: number, opts: { bold?: boolean; condensed?: boolean } = {}): IRunOptions {
  return {
    font: { ascii: font, eastAsia: font, hAnsi: font, cs: font, hint: 'eastAsia' },
    size: halfPoints,
    sizeComplexScript: halfPoints,
    bold: opts.bold ?? false,
    ...(opts.condensed === false ? {} : { characterSpacing: BODY_CHAR_SPACING }),
    // Without zh-CN, fallback fonts pick Japanese glyph forms (stack-notes.md).
    language: { eastAsia: 'zh-CN' },
  };
}

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
/**
 * Title lines take two grid lines. LibreOffice gives a 22 pt line two grid lines whatever its
 * spacing (its font height exceeds 579 twips); saying so in the document makes Word lay the
 * title out the same, so both paginate the body alike.
 */
const titleLine = { line: 2 * LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
/** Paragraphs start 2 characters in, continuation lines flush left (DOC-10). */
const indent2 = { firstLine: 2 * BODY_CHAR } as const;

function headingFace(level: HeadingLevel, bold: boolean): IRunOptions {
  switch (level) {
    case 1: return face(FONTS.heading1, BODY_HALF_POINTS);
    case 2: return face(FONTS.heading2, BODY_HALF_POINTS, { bold });
    case 3: return face(FONTS.body, BODY_HALF_POINTS, { bold });
    case 4: return face(FONTS.body, BODY_HALF_POINTS);
  }
}

/**
 * Paragraph properties of each kind. They are written both into the named styles (so that a
 * user editing in Word or WPS finds 正文, 标题 1 … with the right settings) and directly on each
 * paragraph (so that a reader that ignores styles still lays the page out right).
 */
const BODY_PARA = { spacing: exactLine, indent: indent2, alignment: AlignmentType.BOTH, widowControl: false } as const;
const PARA = {
  title: { spacing: titleLine, indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, widowControl: false, keepNext: true, outlineLevel: 0 },
  part: { spacing: exactLine, indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, widowControl: false, keepNext: true, outlineLevel: 1 },
  body: BODY_PARA,
  heading: (level: HeadingLevel) => ({ ...BODY_PARA, keepNext: true, outlineLevel: level + 1 }),
  signoff: { spacing: exactLine, alignment: AlignmentType.RIGHT, widowControl: false, keepNext: true },
} as const;

const RUN = {
  title: face(FONTS.title, TITLE_HALF_POINTS, { condensed: false }),
  part: face(FONTS.heading1, BODY_HALF_POINTS),
  body: face(FONTS.body, BODY_HALF_POINTS),
  pageNumber: face(FONTS.pageNumber, PAGE_NUMBER_HALF_POINTS, { condensed: false }),
} as const;

function styles(bold: boolean): IParagraphStyleOptions[] {
  return [
    { id: 'ZhibuTitle', name: 'Zhibu 标题', basedOn: 'Normal', next: 'ZhibuBody', quickFormat: true, run: RUN.title, paragraph: PARA.title },
    { id: 'ZhibuPart', name: 'Zhibu 部分', basedOn: 'Normal', next: 'ZhibuBody', quickFormat: true, run: RUN.part, paragraph: PARA.part },
    { id: 'ZhibuBody', name: 'Zhibu 正文', basedOn: 'Normal', next: 'ZhibuBody', quickFormat: true, run: RUN.body, paragraph: PARA.body },
    ...([1, 2, 3, 4] as const).map((level): IParagraphStyleOptions => ({
      id: `ZhibuHeading${level}`, name: `Zhibu 标题 ${level}`, basedOn: 'ZhibuBody', next: 'ZhibuBody', quickFormat: true,
      run: headingFace(level, bold), paragraph: PARA.heading(level),
    })),
    { id: 'ZhibuSignoff', name: 'Zhibu 落款', basedOn: 'ZhibuBody', next: 'ZhibuBody', quickFormat: true, run: RUN.body, paragraph: PARA.signoff },
    { id: 'ZhibuPageNumber', name: 'Zhibu 页码', basedOn: 'Normal', quickFormat: true, run: RUN.pageNumber, paragraph: { spacing: { before: 0, after: 0 } } },
  ];
}

function inlineRun(inline: Inline): TextRun {
  // A number and its unit are one run so that Word never separates them when editing.
  return new TextRun({ ...RUN.body, text: inline.type === 'text' ? inline.text : inline.text + inline.unit });
}

/**
 * `keepWithNext` is set on the block just before the sign-off so that the sign-off never stands
 * alone on a page (GB/T 9704 7.3.5). LibreOffice then moves that whole paragraph along with it.
 */
function blockParagraphs(block: Block, orgName: string, bold: boolean, keepWithNext: boolean): Paragraph[] {
  switch (block.type) {
    case 'title':
      // Without a 主送机关, the body starts one line below the title.
      return [
        new Paragraph({
          style: 'ZhibuTitle', ...PARA.title,
          children: titleLines(block.text, orgName).map((text, i) => new TextRun({ ...RUN.title, text, ...(i > 0 ? { break: 1 } : {}) })),
        }),
        blankLine(),
      ];
    case 'part':
      return [new Paragraph({ style: 'ZhibuPart', ...PARA.part, children: [new TextRun({ ...RUN.part, text: block.text })] })];
    case 'heading':
      return [new Paragraph({
        style: `ZhibuHeading${block.level}`, ...PARA.heading(block.level),
        children: [new TextRun({ ...headingFace(block.level, bold), text: block.marker + block.text })],
      })];
    case 'paragraph':
      return [new Paragraph({ style: 'ZhibuBody', ...PARA.body, ...(keepWithNext ? { keepNext: true } : {}), children: block.inlines.map(inlineRun) })];
    case 'signoff': {
      const at = signoffIndents(block.orgName, block.dateText);
      const line = (text: string, chars: number) => new Paragraph({
        style: 'ZhibuSignoff', ...PARA.signoff, indent: { firstLine: 0, right: Math.round(chars * BODY_CHAR) },
        children: [new TextRun({ ...RUN.body, text })],
      });
      // One blank line below the body, then the name, then the date (DOC-12, unsealed).
      return [blankLine(true), line(block.orgName, at.name), line(block.dateText, at.date)];
    }
  }
}

function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ style: 'ZhibuBody', ...PARA.body, ...(keepNext ? { keepNext: true } : {}), children: [new TextRun({ ...RUN.body, text: '' })] });
}

/** `— N —` in 4号 宋体, one character in from the outer edge: odd pages right, even pages left (DOC-14). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'ZhibuPageNumber',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_CHAR } : { left: PAGE_NUMBER_CHAR },
        children: [new TextRun({ ...RUN.pageNumber, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/**
 * Renders the draft as a .docx (bytes). Fonts are named as on Chinese office PCs (方正小标宋简体,
 * 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) with substitutes in the font table; the core properties
 * carry the title. Pure apart from the clock the docx library reads for `dcterms:created`.
 */
export async function renderDocx(doc: DraftDocument, options: DocxOptions = {}): Promise<Buffer> {
  const bold = options.boldHeadings ?? false;
  const document = new Document({
    title: doc.title,
    subject: doc.orgName,
    creator: options.creator ?? 'Zhibu',
    lastModifiedBy: options.creator ?? 'Zhibu',
    keywords: '工作总结',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: RUN.body,
          paragraph: { spacing: exactLine },
        },
      },
      paragraphStyles: styles(bold),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(15), footer: FOOTER_DISTANCE },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: doc.blocks.flatMap((b, i) => blockParagraphs(b, doc.orgName, bold, doc.blocks[i + 1]?.type === 'signoff')),
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
