/**
 * `zhibu analyze <files...>` (read summaries: structure and statistics, or a collected table)
 * and `zhibu check-doc <file>` (proofreading, 审校; with --org, also against the records).
 */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { analysisToJson } from '../../domain/analysis/analyze.ts';
import { PERIOD_LABELS } from '../../domain/analysis/table.ts';
import type { Severity } from '../../domain/analysis/types.ts';
import { periodFrom } from '../../domain/common/period.ts';
import { analyzeFiles, checkDocAgainstRecords, checkDocFile, type CheckedDoc } from '../../app/analysis-service.ts';
import { resolveOrg } from '../../app/org-service.ts';
import { renderAnalysisTable } from '../../render/xlsx-analysis.ts';
import { withApp } from '../run.ts';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${name} 应为整数：${v}`);
  return n;
};

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/**
 * Adds `analyze` and `check-doc` to `program`. `out` receives normal output (default: stdout).
 * Errors (unreadable file, unsupported type) are thrown for the program's error handler.
 */
export function registerAnalyzeCommands(program: Command, out: (s: string) => void = (s) => console.log(s)): void {
  program.command('analyze')
    .description('读取已有的工作总结：标题、时段、提纲、统计数字、占位符；多个文件汇总成表 / analyze existing summaries')
    .argument('<files...>', '.txt 或 .docx 文件')
    .addOption(new Option('--format <格式>', '输出格式').choices(['json', 'xlsx']).default('json'))
    .option('--out <文件>', '输出文件（xlsx 必须给出；json 默认打印）')
    .action(async (files: string[], opts: { format: 'json' | 'xlsx'; out?: string }) => {
      const { files: analyzed, rows } = await analyzeFiles(files);
      if (opts.format === 'xlsx') {
        const file = opts.out ?? '总结汇总.xlsx';
        writeFileSync(file, await renderAnalysisTable(rows));
        out(`已汇总 ${rows.length} 份总结：${file}`);
        return;
      }
      const json = analyzed.length === 1
        ? analysisToJson(analyzed[0]!.analysis)
        : analyzed.map((f, i) => ({ file: f.file, ...analysisToJson(f.analysis), row: rows[i] }));
      const text = JSON.stringify(json, null, 2);
      if (opts.out) { writeFileSync(opts.out, text + '\n'); out(`已写入：${opts.out}`); } else out(text);
    });

  program.command('check-doc')
    .description('审校工作总结：占位符、时段、标题序号、引号括号、叠字、规范提法、标点、错别字、日期；给出 --org 时与记录核对 / proofread a summary')
    .argument('<file>', '.txt 或 .docx 文件')
    .addOption(new Option('--format <格式>', '输出格式').choices(['text', 'json']).default('text'))
    .option('--org <id或名称>', '与该组织在本时段的记录核对数字（需要数据库）')
    .option('--year <年>', '核对记录时的年份（默认从文中读出）', int('year'))
    .option('--quarter <季度>', '季度 1–4', int('quarter'))
    .option('--half <半年>', '1 上半年，2 下半年', int('half'))
    .action(async (file: string, opts: { format: 'text' | 'json'; org?: string; year?: number; quarter?: number; half?: number }, cmd: Command) => {
      let doc: CheckedDoc;
      if (opts.org) {
        const orgRef = opts.org;
        const period = opts.year !== undefined ? periodFrom({ year: opts.year, quarter: opts.quarter, half: opts.half }) : undefined;
        doc = await withApp(cmd, async (app) => checkDocAgainstRecords(app, file, await resolveOrg(app, orgRef), period));
      } else {
        doc = await checkDocFile(file);
      }
      if (opts.format === 'json') {
        out(JSON.stringify({ file: doc.file, findings: doc.findings }, null, 2));
        return;
      }
      const a = doc.analysis;
      out(`《${a.title ?? '（无标题）'}》${a.period ? `（${PERIOD_LABELS[a.period]}）` : ''}：${doc.findings.length === 0 ? '未发现问题。' : `发现 ${doc.findings.length} 处问题`}`);
      for (const f of doc.findings) {
        const quote = doc.text.slice(f.offset, f.offset + Math.min(f.length, 30)).replace(/\n/g, '⏎');
        out(`${f.line}:${f.column}\t[${SEVERITY_LABEL[f.severity]}] ${f.message}  「${quote}」${f.suggestion ? ` → ${f.suggestion}` : ''}`);
      }
    });
}
