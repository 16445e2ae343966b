// Structure of the generated .docx: the parts are read back with jszip and queried with an XML
// parser, so each assertion is about what Word, WPS and LibreOffice will read.
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';

import { makeDraft } from '../../test/factories/draft.ts';
import { renderDocx } from './docx.ts';

type XmlDocument = Document;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Parts {
  document: XmlDocument;
  styles: XmlDocument;
  settings: XmlDocument;
  fontTable: XmlDocument;
  core: string;
  footers: XmlDocument[];
}

async function parts(buf: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(buf);
  const read = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`missing part ${p}`);
    return f.async('string');
  };
  const xml = async (p: string) => new DOMParser().parseFromString(await read(p), 'text/xml');
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).sort();
  return {
    document: await xml('word/document.xml'),
    styles: await xml('word/styles.xml'),
    settings: await xml('word/settings.xml'),
    fontTable: await xml('word/fontTable.xml'),
    core: await read('docProps/core.xml'),
    footers: await Promise.all(footerNames.map(xml)),
  };
}

function all(node: XmlDocument | Element, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, name));
}
function first(node: XmlDocument | Element, name: string): Element | undefined {
  return all(node, name)[0];
}
function val(node: XmlDocument | Element, name: string, attr = 'val'): string | null {
  return first(node, name)?.getAttributeNS(W, attr) ?? null;
}
function paraText(p: Element): string {
  return all(p, 't').map((t) => t.textContent ?? '').join('');
}
function paragraphs(doc: XmlDocument): Element[] {
  return all(doc, 'p');
}
function paragraphWith(doc: XmlDocument, text: string): Element {
  const p = paragraphs(doc).find((x) => paraText(x) === text);
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
}
/** rFonts of the paragraph's first run, per script. */
function fonts(p: Element): Record<string, string | null> {
  const r = first(first(p, 'r')!, 'rFonts')!;
  return { ascii: r.getAttributeNS(W, 'ascii'), eastAsia: r.getAttributeNS(W, 'eastAsia'), hAnsi: r.getAttributeNS(W, 'hAnsi') };
}
function isBold(p: Element): boolean {
  const b = first(first(p, 'rPr')!, 'b');
  return b !== undefined && b.getAttributeNS(W, 'val') !== 'false' && b.getAttributeNS(W, 'val') !== '0';
}
function runSize(p: Element): string | null {
  return val(first(p, 'rPr')!, 'sz');
}

describe('renderDocx: page (GB/T 9704 5.1, 5.2)', () => {
  let p: Parts;
  beforeAll(async () => { p = await parts(await renderDocx(makeDraft())); });

  it('is A4 with margins 37/35/28/26 mm (DOC-03, DOC-04, TV-28)', () => {
    const sect = first(p.document, 'sectPr')!;
    expect({ w: val(sect, 'pgSz', 'w'), h: val(sect, 'pgSz', 'h') }).toEqual({ w: '11906', h: '16838' });
    const m = first(sect, 'pgMar')!;
    expect(['top', 'bottom', 'left', 'right'].map((a) => m.getAttributeNS(W, a))).toEqual(['2098', '1984', '1587', '1474']);
  });

  it('lays out 22 lines on a lines-only grid of 579 twips (DOC-06)', () => {
    const grid = first(first(p.document, 'sectPr')!, 'docGrid')!;
    expect(grid.getAttributeNS(W, 'type')).toBe('lines');
    expect(grid.getAttributeNS(W, 'linePitch')).toBe('579');
  });

  it('numbers pages "— N —" in 14 pt 宋体, odd right and even left, one character in (DOC-14)', () => {
    expect(first(p.settings, 'evenAndOddHeaders')).toBeDefined();
    const refs = all(first(p.document, 'sectPr')!, 'footerReference').map((r) => r.getAttributeNS(W, 'type')).sort();
    expect(refs).toEqual(['default', 'even']);
    expect(p.footers).toHaveLength(2);
    const layout = p.footers.map((f) => {
      const para = first(f, 'p')!;
      return {
        jc: val(para, 'jc'),
        right: first(para, 'ind')!.getAttributeNS(W, 'right') || null,
        left: first(para, 'ind')!.getAttributeNS(W, 'left') || null,
        text: paraText(para),
        field: (first(para, 'instrText')?.textContent ?? '').trim(),
        size: runSize(para),
        font: fonts(para).eastAsia,
      };
    });
    expect(layout).toEqual(expect.arrayContaining([
      { jc: 'right', right: '280', left: null, text: '—  —', field: 'PAGE', size: '28', font: '宋体' },
      { jc: 'left', right: null, left: '280', text: '—  —', field: 'PAGE', size: '28', font: '宋体' },
    ]));
  });

  it('carries the title in the core properties', () => {
    expect(p.core).toContain('<dc:title>州审计局党支部2023年第三季度工作情况报告</dc:title>');
  });
});

describe('renderDocx: text (GB/T 9704 7.3)', () => {
  let p: Parts;
  beforeAll(async () => { p = await parts(await renderDocx(makeDraft())); });

  it('sets the title centred in 22 pt 方正小标宋简体, followed by one blank line (DOC-09)', () => {
    const ps = paragraphs(p.document);
    const title = paragraphWith(p.document, '州审计局党支部2023年第三季度工作情况报告');
    expect(ps.indexOf(title)).toBe(0);
    expect(val(title, 'jc')).toBe('center');
    expect(runSize(title)).toBe('44');
    expect(fonts(title)).toEqual({ ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体' });
    expect(paraText(ps[1]!)).toBe('');
  });

  it('sets body paragraphs in 16 pt 仿宋_GB2312 condensed 0.25 pt, zh-CN, exact 579-twip lines, indented 2 characters (DOC-05, DOC-10)', () => {
    const body = paragraphWith(p.document, '本季度召开支部委员会会议3次，组织集中学习9次。');
    const rPrs = all(body, 'rPr');
    expect(rPrs.length).toBeGreaterThan(1);
    for (const r of rPrs) {
      expect(val(r, 'sz')).toBe('32');
      expect(val(r, 'spacing')).toBe('-5');
      expect(val(r, 'lang', 'eastAsia')).toBe('zh-CN');
      // Digits tagged zh-CN are broken anywhere by LibreOffice ("2 / 023年"): only East Asian text is.
      expect(val(r, 'lang')).toBeFalsy();
      expect(val(r, 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
      expect(val(r, 'rFonts', 'ascii')).toBe('仿宋_GB2312');
    }
    const pPr = first(body, 'pPr')!;
    expect(val(pPr, 'spacing', 'line')).toBe('579');
    expect(val(pPr, 'spacing', 'lineRule')).toBe('exact');
    // 2 × (16 − 0.25) pt = 31.5 pt: a 640-twip (2 × 16 pt) indent would leave room for 25 characters only.
    expect(val(pPr, 'ind', 'firstLine')).toBe('630');
    expect(val(pPr, 'jc')).toBe('both');
  });

  it('writes each number with its unit in the text', () => {
    const texts = paragraphs(p.document).map(paraText);
    expect(texts).toContain('本季度召开支部委员会会议3次，组织集中学习9次。');
  });

  it('uses 黑体 for level 1, 楷体_GB2312 for level 2 and 仿宋_GB2312 for levels 3–4, not bold by default (DOC-10)', () => {
    const byText = (t: string) => paragraphWith(p.document, t);
    const h = [byText('一、主要工作和成效'), byText('（一）加强理论学习'), byText('1.落实“三会一课”'), byText('（1）党员大会')];
    expect(h.map((x) => fonts(x).eastAsia)).toEqual(['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312']);
    expect(h.map((x) => fonts(x).ascii)).toEqual(['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312']);
    expect(h.map(runSize)).toEqual(['32', '32', '32', '32']);
    expect(h.map(isBold)).toEqual([false, false, false, false]);
    expect(h.map((x) => val(x, 'ind', 'firstLine'))).toEqual(['630', '630', '630', '630']);
    expect(h.map((x) => first(x, 'keepNext') !== undefined)).toEqual([true, true, true, true]);
  });

  it('makes levels 2 and 3 bold when asked, and only those', async () => {
    const q = await parts(await renderDocx(makeDraft(), { boldHeadings: true }));
    const h = ['一、主要工作和成效', '（一）加强理论学习', '1.落实“三会一课”', '（1）党员大会'].map((t) => paragraphWith(q.document, t));
    expect(h.map(isBold)).toEqual([false, true, true, false]);
  });

  it('signs off unsealed: a blank line, the name 2 characters in from the right, the date below (DOC-12)', () => {
    const ps = paragraphs(p.document);
    const name = paragraphWith(p.document, '州审计局党支部');
    const date = paragraphWith(p.document, '2023年10月8日');
    const i = ps.indexOf(name);
    expect(paraText(ps[i - 1]!)).toBe('');
    expect(paraText(ps[i - 2]!)).toBe('按期召开党员大会，讨论支部重要事项。');
    expect(ps[i + 1]).toBe(date);
    expect([val(name, 'jc'), val(date, 'jc')]).toEqual(['right', 'right']);
    // Name 7 characters, 2 in (630 twips); the date "2023年10月8日" is 6.5 characters wide, so
    // starting 2 characters right of the name's first character it ends 0.5 character in.
    expect(val(name, 'ind', 'right')).toBe('630');
    expect(val(date, 'ind', 'right')).toBe('158');
  });

  it('moves the name left when the date is longer than the name (GB/T 9704 7.3.5.2)', async () => {
    const doc = makeDraft({ blocks: [{ type: 'signoff', orgName: '一支部', date: '2023-11-10', dateText: '2023年11月10日' }] });
    const q = await parts(await renderDocx(doc));
    // Date 7 characters, 2 in; name 3 characters starting 2 characters left of the date: 8 in.
    expect(val(paragraphWith(q.document, '2023年11月10日'), 'ind', 'right')).toBe('630');
    expect(val(paragraphWith(q.document, '一支部'), 'ind', 'right')).toBe(String(8 * 315));
  });

  it('breaks a long title into two balanced lines in one paragraph, two grid lines each', async () => {
    const doc = makeDraft({ blocks: [{ type: 'title', text: '州审计局党支部2023年党建工作总结及2024年工作计划' }] });
    const q = await parts(await renderDocx(doc));
    const title = paragraphs(q.document)[0]!;
    expect(all(title, 't').map((t) => t.textContent)).toEqual(['州审计局党支部2023年党建工作总结', '及2024年工作计划']);
    expect(all(title, 'br')).toHaveLength(1);
    expect(val(title, 'spacing', 'line')).toBe(String(2 * 579));
  });

  it('sets 第一部分 part lines centred in 黑体', async () => {
    const doc = makeDraft({ blocks: [{ type: 'part', id: 'part-1', text: '第一部分　2023年工作总结' }] });
    const q = await parts(await renderDocx(doc));
    const part = paragraphWith(q.document, '第一部分　2023年工作总结');
    expect(val(part, 'jc')).toBe('center');
    expect(fonts(part).eastAsia).toBe('黑体');
  });

  it('defines named styles with the same fonts, for editing in Word and WPS', () => {
    const style = (id: string) => all(p.styles, 'style').find((s) => s.getAttributeNS(W, 'styleId') === id);
    expect(val(style('ZhibuBody')!, 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
    expect(val(style('ZhibuHeading1')!, 'rFonts', 'eastAsia')).toBe('黑体');
    expect(val(style('ZhibuHeading2')!, 'rFonts', 'eastAsia')).toBe('楷体_GB2312');
    expect(val(style('ZhibuTitle')!, 'rFonts', 'eastAsia')).toBe('方正小标宋简体');
  });

  it('lists fallbacks in the font table: 仿宋 for 仿宋_GB2312, 楷体 for 楷体_GB2312, GB2312 charset', () => {
    const font = (name: string) => all(p.fontTable, 'font').find((f) => f.getAttributeNS(W, 'name') === name);
    expect(val(font('仿宋_GB2312')!, 'altName')).toBe('仿宋');
    expect(val(font('楷体_GB2312')!, 'altName')).toBe('楷体');
    expect(val(font('黑体')!, 'charset')).toBe('86');
    expect(all(p.fontTable, 'font').map((f) => f.getAttributeNS(W, 'name')).sort())
      .toEqual(['仿宋_GB2312', '宋体', '方正小标宋简体', '楷体_GB2312', '黑体'].sort());
  });
});
