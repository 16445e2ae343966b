import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';

import { convertDocxToPdf, FONTCONFIG_FILE, SofficeMissingError } from './pdf.ts';

describe('convertDocxToPdf', () => {
  it('says in Chinese how to install LibreOffice when soffice is missing, and leaves no profile behind', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('zhibu-soffice-')).length;
    const err = await convertDocxToPdf('x.docx', tmpdir(), { soffice: '/nonexistent/soffice' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SofficeMissingError);
    expect((err as Error).message).toMatch(/未找到 LibreOffice.*libreoffice-writer-nogui/);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('zhibu-soffice-')).length).toBe(before);
  });

  it('ships the fontconfig file it points LibreOffice to', () => {
    expect(existsSync(FONTCONFIG_FILE)).toBe(true);
  });
});
