import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';

import { convertDocxToPdf, FONTCONFIG_FILE, SofficeMissingError } from './pdf.ts';

describe('convertDocxToPdf', () => {
  it('says in Chinese how to install LibreOffice when soffice is missing', async () => {
    const err = await convertDocxToPdf('x.docx', tmpdir(), { soffice: '/nonexistent/soffice' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SofficeMissingError);
    expect((err as Error).message).toMatch(/未找到 LibreOffice.*libreoffice-writer-nogui/);
  });

  it('ships the fontconfig file it points LibreOffice to', () => {
    expect(existsSync(FONTCONFIG_FILE)).toBe(true);
  });
});
