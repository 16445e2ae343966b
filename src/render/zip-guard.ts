/**
 * The zip-bomb guard for .docx and .xlsx uploads (both are zip archives; issue 13: a 357 KB
 * .docx grew the server to 4.4 GB). The archive's central directory is read with yauzl and the
 * entry count and declared sizes are checked before anything is inflated; then every entry is
 * inflated once, counting the bytes that really come out, because declared sizes can lie
 * (yauzl also fails an entry that inflates to more than it declared). Only an archive that
 * passes is handed to mammoth or exceljs.
 */
import yauzl from 'yauzl';
import { TooLargeError, ValidationError } from '../domain/errors.ts';

export interface ZipLimits {
  /** Most entries (files) in the archive. */
  entries: number;
  /** Most bytes all entries may inflate to, together. */
  uncompressedBytes: number;
}

/** What the archive holds: entry names and the bytes inflated. */
export interface ZipSummary {
  names: string[];
  uncompressedBytes: number;
}

const MB = 1024 * 1024;

/**
 * Checks `bytes` as a zip archive against `limits`, inflating nothing beyond them. `what` names
 * the file in messages (`Word 文件`, `花名册`). Throws ValidationError when it is not a zip
 * archive, TooLargeError (with the limit in the message) when it has too many entries or
 * unpacks to too much.
 */
export async function assertZipWithinLimits(bytes: Buffer, limits: ZipLimits, what: string): Promise<ZipSummary> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
  } catch {
    throw new ValidationError(`无法读取${what}：文件已损坏或不是 Office 文件`, [{ field: 'file', message: '不是有效的 .docx/.xlsx 文件' }]);
  }
  const tooMany = () => new TooLargeError(`${what}包含的文件过多（上限 ${limits.entries} 个），已拒绝处理`);
  const tooBig = () => new TooLargeError(`${what}解压后过大（上限 ${Math.round(limits.uncompressedBytes / MB)} MB），已拒绝处理`);
  if (zip.entryCount > limits.entries) throw tooMany();

  // Pass 1: the central directory only. Nothing is inflated yet.
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      if (entries.length > limits.entries) throw tooMany();
      declared += entry.uncompressedSize;
      if (declared > limits.uncompressedBytes) throw tooBig();
    }
  } catch (e) {
    zip.close();
    if (e instanceof TooLargeError) throw e;
    throw new ValidationError(`无法读取${what}：文件已损坏`, [{ field: 'file', message: '压缩包目录无效' }]);
  }

  // Pass 2: inflate each entry, counting what really comes out, and stop at the limit.
  let inflated = 0;
  try {
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length;
        if (inflated > limits.uncompressedBytes) {
          stream.destroy();
          throw tooBig();
        }
      }
    }
  } catch (e) {
    if (e instanceof TooLargeError) throw e;
    // A size mismatch or a broken deflate stream: the archive lies about its contents.
    throw new ValidationError(`无法读取${what}：压缩内容与目录不符或已损坏`, [{ field: 'file', message: '压缩内容无效' }]);
  } finally {
    zip.close();
  }
  return { names: entries.map((e) => e.fileName), uncompressedBytes: inflated };
}
