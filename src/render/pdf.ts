/**
 * .docx → PDF through LibreOffice (`soffice --headless --convert-to pdf`), with the repository's
 * fontconfig aliases (fonts/fonts.conf) so that the GB/T 9704 font names resolve to the packaged
 * CJK families. Needs the packages of scripts/apt-packages-render.txt.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The fontconfig file shipped with Zhibu (includes the system configuration, adds the aliases). */
export const FONTCONFIG_FILE = fileURLToPath(new URL('../../fonts/fonts.conf', import.meta.url));

/** LibreOffice is not installed (or not on PATH / at `SOFFICE`). */
export class SofficeMissingError extends Error {
  constructor(command: string) {
    super(`未找到 LibreOffice（${command}），无法转换为 PDF。请安装：apt-get install -y --no-install-recommends libreoffice-writer-nogui（字体见 scripts/apt-packages-render.txt），或用环境变量 SOFFICE 指定 soffice 的路径。`);
    this.name = 'SofficeMissingError';
  }
}

export interface ConvertOptions {
  /** The soffice executable; defaults to `SOFFICE` from the environment, then `soffice`. */
  soffice?: string;
  /** Milliseconds before the conversion is abandoned; default 120 000. */
  timeoutMs?: number;
}

/**
 * Converts `docxPath` to `<outDir>/<name>.pdf` and returns that path. Each call uses a fresh,
 * private LibreOffice profile (`-env:UserInstallation`), so conversions may run side by side and
 * never touch the user's own profile. Throws SofficeMissingError when soffice cannot be found, and
 * an Error with soffice's output when the conversion fails or writes no PDF.
 */
export async function convertDocxToPdf(docxPath: string, outDir: string, options: ConvertOptions = {}): Promise<string> {
  const soffice = options.soffice ?? process.env.SOFFICE ?? 'soffice';
  const profile = await mkdtemp(join(tmpdir(), 'zhibu-soffice-'));
  const input = resolve(docxPath);
  const pdf = join(resolve(outDir), basename(input, extname(input)) + '.pdf');
  try {
    await new Promise<void>((done, fail) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', resolve(outDir), input],
        { env: { ...process.env, FONTCONFIG_FILE }, timeout: options.timeoutMs ?? 120_000 },
        (err, stdout, stderr) => {
          if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') fail(new SofficeMissingError(soffice));
          else if (err) fail(new Error(`LibreOffice 转换失败：${err.message}\n${stdout}${stderr}`));
          else if (!existsSync(pdf)) fail(new Error(`LibreOffice 未生成 PDF：${pdf}\n${stdout}${stderr}`));
          else done();
        },
      );
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return pdf;
}
