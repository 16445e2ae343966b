/**
 * Hostile uploads of issue 13, made in the test (no fixture files): a zip-bomb .docx, a .docx
 * whose directory understates what it unpacks to, a workbook of a million rows, and the text of
 * `“（` that stalled the server.
 */
import { buffer as streamToBuffer } from 'node:stream/consumers';
import JSZip from 'jszip';
import yazl from 'yazl';
import { Document, Packer, Paragraph } from 'docx';
import { writeRosterXlsx } from '../../src/render/xlsx-roster.ts';
import { rosterRecord } from './roster.ts';

const MB = 1024 * 1024;

/**
 * Rewrites a zip archive with some entries replaced, compressed by node's zlib through yazl
 * (jszip's JavaScript deflate takes half a minute for hundreds of MB).
 */
async function rezip(source: Buffer, replace: Record<string, Buffer>, extra: Record<string, Buffer> = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(source);
  const out = new yazl.ZipFile();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    out.addBuffer(replace[name] ?? await entry.async('nodebuffer'), name, { compressionLevel: 1 });
  }
  for (const [name, bytes] of Object.entries(extra)) out.addBuffer(bytes, name);
  const done = streamToBuffer(out.outputStream as NodeJS.ReadableStream & AsyncIterable<Buffer>);
  out.end();
  return done;
}

/** A small real .docx (one paragraph). */
export async function smallDocx(text = '某某党支部2025年第一季度工作总结'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

/**
 * A .docx whose word/document.xml unpacks to `megabytes` MB (spaces inside a valid paragraph):
 * a few hundred KB sent, hundreds of MB unpacked.
 */
export async function zipBombDocx(megabytes = 150): Promise<Buffer> {
  const docx = await smallDocx();
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  const filler = Buffer.alloc(megabytes * MB, 0x20);
  const at = xml.indexOf('<w:body>') + '<w:body>'.length;
  return rezip(docx, { 'word/document.xml': Buffer.concat([Buffer.from(xml.slice(0, at)), filler, Buffer.from(xml.slice(at))]) });
}

/**
 * A .docx whose directory declares every entry smaller than it is: the local and central headers
 * of `word/document.xml` say 1 KB while the data unpacks to `megabytes` MB.
 */
export async function lyingDocx(megabytes = 150): Promise<Buffer> {
  const bytes = Buffer.from(await zipBombDocx(megabytes));
  const name = Buffer.from('word/document.xml');
  for (let i = 0; i + 46 < bytes.length; i++) {
    const sig = bytes.readUInt32LE(i);
    if (sig === 0x04034b50 && bytes.subarray(i + 30, i + 30 + name.length).equals(name)) bytes.writeUInt32LE(1024, i + 22);
    if (sig === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) bytes.writeUInt32LE(1024, i + 24);
  }
  return bytes;
}

/** A .docx (a zip) with `n` tiny entries. */
export async function manyEntriesDocx(n = 1500): Promise<Buffer> {
  const extra: Record<string, Buffer> = {};
  for (let i = 0; i < n; i++) extra[`word/media/x${i}.txt`] = Buffer.from('x');
  return rezip(await smallDocx(), {}, extra);
}

/**
 * A roster workbook with a valid header and one valid row, then `rows` more rows of one number
 * each (a million by default): about 30 MB of sheet XML in a file of a few hundred KB.
 */
export async function hugeRosterXlsx(rows = 1_000_000): Promise<Buffer> {
  const xlsx = await writeRosterXlsx([rosterRecord(0)]);
  const zip = await JSZip.loadAsync(xlsx);
  const path = Object.keys(zip.files).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))!;
  const xml = await zip.file(path)!.async('string');
  const extra: string[] = [];
  for (let r = 3; r < rows + 3; r++) extra.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const sheet = xml.replace('</sheetData>', `${extra.join('')}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, '');
  return rezip(xlsx, { [path]: Buffer.from(sheet) });
}

/** The pathological text of issue 13: `“（` repeated to `bytes` bytes of UTF-8 (1.8 MB by default). */
export function pathologicalText(bytes = 1.8 * 1000 * 1000): string {
  return '“（'.repeat(Math.floor(bytes / 6));
}
