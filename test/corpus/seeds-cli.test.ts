/** Corpus tier (runs when ../shared/seeds exists): `zhibu analyze` and `zhibu check-doc` on the real seeds. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { registerAnalyzeCommands } from '../../src/cli/commands/analyze.ts';
import { corpusTitle, SEEDS_PRESENT, seedPath as seed } from './seeds-dir.ts';
const S000 = seed('000_0369b655c02adc51.txt');
const S003 = seed('003_6f3713c76475a20e.txt');
const S004 = seed('004_09bcb4797df57e9b.txt');

async function run(...args: string[]): Promise<string> {
  const lines: string[] = [];
  const program = new Command('zhibu').exitOverride();
  registerAnalyzeCommands(program, (s) => lines.push(s));
  await program.parseAsync(args, { from: 'user' });
  return lines.join('\n');
}

describe.skipIf(!SEEDS_PRESENT)(corpusTitle('zhibu analyze on the seeds'), () => {
  it('prints exactly the documented JSON shape for one file', async () => {
    const json = JSON.parse(await run('analyze', S000, '--format', 'json'));
    expect(Object.keys(json)).toEqual(['title', 'org', 'year', 'period', 'outline', 'sections', 'metrics', 'placeholders']);
    expect(json).toMatchObject({ title: 'XX党支部2023年工作情况总结报告', org: 'XX党支部', year: 2023, period: 'Q3' });
    expect(Object.keys(json.outline[0])).toEqual(['level', 'marker', 'text']);
    expect(Object.keys(json.sections)).toEqual(['results', 'problems', 'plans']);
    expect(Object.keys(json.metrics[0])).toEqual(['quote', 'value', 'unit', 'what']);
    expect(json.metrics).toContainEqual({ quote: 'X次', value: null, unit: '次', what: '主题党日' });
    expect(json.placeholders).toHaveLength(50);
    expect(Object.keys(json.placeholders[0])).toEqual(['text', 'offset']);
  });

  it('reads a .docx summary like its text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhibu-analyze-'));
    const lines = readFileSync(S003, 'utf8').replace(/##paid(begin|end)##/g, '').split('\n').filter((l) => l.trim() !== '');
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    const file = join(dir, '总结.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const fromDocx = JSON.parse(await run('analyze', file));
    const fromTxt = JSON.parse(await run('analyze', S003));
    expect(fromDocx.outline).toEqual(fromTxt.outline);
    expect(fromDocx.metrics).toEqual(fromTxt.metrics);
    expect(fromDocx.title).toBe('2023年基层支部党建工作总结');
  });

  it('writes the collected-summaries table, one row per document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhibu-analyze-'));
    const out = join(dir, '汇总.xlsx');
    await run('analyze', S000, S003, S004, '--format', 'xlsx', '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(4);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    const row003 = ws.getRow(3);
    expect(row003.getCell(col('标题')).value).toBe('2023年基层支部党建工作总结');
    expect(row003.getCell(col('支委会（次）')).value).toBe(12);
    expect(row003.getCell(col('党员大会（次）')).value).toBe(13);
    expect(row003.getCell(col('志愿服务（人次）')).value).toBe(224);
    expect(row003.getCell(col('预备党员转正（名）')).value).toBe(1);
    const row000 = ws.getRow(2);
    expect(row000.getCell(col('时段')).value).toBe('第三季度');
    expect(row000.getCell(col('主题党日（次）')).value).toBe('未填');
    expect(row000.getCell(col('残留占位符（处）')).value).toBe(50);
  });
});

describe.skipIf(!SEEDS_PRESENT)(corpusTitle('zhibu check-doc on the seeds'), () => {
  it('prints ranked findings with line and column, the period mismatch first', async () => {
    const text = await run('check-doc', S000);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/发现 52 处问题/);
    expect(lines[1]).toMatch(/^1:1\t\[错误\] 标题与正文时段不一致/);
    expect(lines[2]).toMatch(/^30:\d+\t\[错误\] 规范提法有误.*→ 新时代中国特色社会主义$/);
  });

  it('prints JSON findings with every field', async () => {
    const json = JSON.parse(await run('check-doc', S003, '--format', 'json'));
    const typo = json.findings.find((f: { kind: string }) => f.kind === 'typo');
    expect(Object.keys(typo).sort()).toEqual(['column', 'kind', 'length', 'line', 'message', 'offset', 'severity', 'suggestion']);
    expect(typo).toMatchObject({ line: 7, suggestion: '自己' });
  });
});
