/**
 * The limits of one upload (issue 13, "bounded work per request"): how large a file may be when
 * sent, how much it may unpack to, how many roster rows and how many characters of text it may
 * hold, and how long reading it may take. The server enforces them (src/app/parsing.ts,
 * src/render/zip-guard.ts) and the web shows them as upload hints; README states them.
 */

const MB = 1024 * 1024;

/** Every upload limit, in bytes, entries, rows, characters or milliseconds. */
export const UPLOAD_LIMITS = {
  /** A .docx summary as sent. */
  docxBytes: 10 * MB,
  /** A .txt summary as sent. */
  textBytes: 2 * MB,
  /** A .xlsx roster as sent. */
  rosterBytes: 10 * MB,
  /** Files inside one .docx/.xlsx (a .docx/.xlsx is a zip archive). */
  zipEntries: 1000,
  /** What one .docx/.xlsx may unpack to, all files together. */
  zipUncompressedBytes: 100 * MB,
  /** Data rows of one roster import (the header row not counted). */
  rosterRows: 20_000,
  /** Characters of one summary's text, for reading and proofreading. */
  textChars: 100_000,
  /** How long reading or proofreading one upload may take. */
  parseMillis: 30_000,
} as const;

/** `10 MB`, `100 KB`: a byte count for a Chinese message. */
export function formatBytes(n: number): string {
  return n >= MB ? `${Math.round(n / MB)} MB` : `${Math.round(n / 1024)} KB`;
}

/** The upload hint of a summary (.docx/.txt), for the web's upload boxes. */
export const SUMMARY_UPLOAD_HINT =
  `支持 .docx（不超过 ${formatBytes(UPLOAD_LIMITS.docxBytes)}）和 .txt（不超过 ${formatBytes(UPLOAD_LIMITS.textBytes)}），` +
  `正文不超过 ${UPLOAD_LIMITS.textChars.toLocaleString('en-US')} 字`;

/** The upload hint of a roster (.xlsx), for the web's import page. */
export const ROSTER_UPLOAD_HINT =
  `支持 .xlsx（不超过 ${formatBytes(UPLOAD_LIMITS.rosterBytes)}），每次最多 ${UPLOAD_LIMITS.rosterRows.toLocaleString('en-US')} 名党员`;
