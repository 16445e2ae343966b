/** The foundation's commands: demo, org list, import members, report, serve. */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ORG_TYPES } from '../../domain/org/org.ts';
import { periodFrom, periodLabel } from '../../domain/common/period.ts';
import { SUMMARY_KINDS, type SummaryKind } from '../../domain/report/document.ts';
import { loadDemo } from '../../app/demo-service.ts';
import { importRosterFile } from '../../app/import-service.ts';
import { listOrgTree, resolveOrg } from '../../app/org-service.ts';
import { readsOf } from '../../app/context.ts';
import { draftSummary, renderDraft, type DraftFormat } from '../../app/report-service.ts';
import { todayInChina, withApp } from '../run.ts';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${name} 应为整数：${v}`);
  return n;
};

/** Adds the foundation's commands to `program`. `out` receives normal output. */
export function registerCoreCommands(program: Command, out: (s: string) => void): void {
  program.command('demo')
    .description('载入演示数据（州直机关党委及其党支部） / load the demo organization')
    .option('--force', '数据库非空时也载入（演示数据会与现有数据并存）')
    .action(async (opts: { force?: boolean }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const r = await loadDemo(app, { force: opts.force ?? false });
        out(r.loaded ? `已载入演示数据：${r.organizations} 个组织，${r.members} 名党员，${r.activities} 条活动记录。` : `数据库已有数据，未载入演示数据（可加 --force）。`);
      });
    });

  const org = program.command('org').description('党组织 / organizations');
  org.command('list')
    .description('列出组织树（id、类型、名称） / list the organization tree')
    .option('--json', 'JSON 输出')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const tree = await listOrgTree(app);
        if (opts.json) { out(JSON.stringify(tree, null, 2)); return; }
        if (tree.length === 0) { out('还没有任何组织。运行 zhibu demo 载入演示数据。'); return; }
        for (const o of tree) out(`${'  '.repeat(o.depth)}${o.name}  [${ORG_TYPES[o.type]}]  ${o.id}`);
      });
    });

  const imp = program.command('import').description('导入 / import');
  imp.command('members <file>')
    .description('从 Excel 花名册导入党员（全部成功才保存） / import a member roster (.xlsx), all or nothing')
    .option('--org <id或名称>', '表中没有“所在党支部”列时，导入到这个党支部')
    .option('--dry-run', '只检查，不保存')
    .action(async (file: string, opts: { org?: string; dryRun?: boolean }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const r = await importRosterFile(app, file, { orgRef: opts.org, dryRun: opts.dryRun ?? false, today: todayInChina(), progress: process.stderr.isTTY });
        out(opts.dryRun ? `检查通过：${r.count} 行均可导入（未保存）。` : `已导入 ${r.count} 名党员。`);
      });
    });

  program.command('report')
    .description('生成工作总结草稿 / draft the work summary')
    .requiredOption('--org <id或名称>', '组织')
    .option('--year <年>', '年份', int('year'))
    .option('--quarter <季度>', '季度 1–4', int('quarter'))
    .option('--half <半年>', '1 上半年，2 下半年', int('half'))
    .option('--from <日期>', '起始日期 YYYY-MM-DD')
    .option('--to <日期>', '截止日期 YYYY-MM-DD')
    .addOption(new Option('--kind <类型>', '总结类型').choices([...SUMMARY_KINDS]))
    .addOption(new Option('--format <格式>', '输出格式').choices(['docx', 'md', 'json']).default('docx'))
    .option('--signoff-date <日期>', '落款日期（默认为时段最后一天，或今天若时段未结束）')
    .option('--out <文件>', '输出文件（默认按标题命名）')
    .action(async (opts: { org: string; year?: number; quarter?: number; half?: number; from?: string; to?: string; kind?: SummaryKind; format: DraftFormat; signoffDate?: string; out?: string }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const org = await resolveOrg(readsOf(app), opts.org);
        const period = periodFrom(opts);
        const { draft } = await draftSummary(readsOf(app), { org, period, kind: opts.kind, signoffDate: opts.signoffDate, today: todayInChina() });
        const r = await renderDraft(draft, opts.format);
        const file = opts.out ?? `${draft.title}.${r.ext}`;
        writeFileSync(file, r.bytes);
        out(`已生成《${draft.title}》（${periodLabel(period)}）：${file}`);
        if (draft.couldBeAdded.length > 0) out(`以下内容缺少记录，未写入草稿：${draft.couldBeAdded.map((c) => c.text).join('；')}`);
      });
    });

  program.command('serve')
    .description('启动服务（API 与文档 /docs） / start the server')
    .option('--port <端口>', '端口（默认 3000 或 PORT）')
    .option('--host <地址>', '监听地址（默认 127.0.0.1）')
    .option('--public-url <网址>', '用户访问的地址，如 https://zhibu.example.org（或 ZHIBU_PUBLIC_URL）；用于签到二维码链接')
    .option('--no-demo', '数据库为空时不载入演示数据')
    .action(async (opts: { port?: string; host?: string; publicUrl?: string; demo: boolean }, cmd: Command) => {
      // Loaded on demand: the other commands need no web framework.
      const { startServer } = await import('../serve.ts');
      await startServer(cmd, { port: opts.port, host: opts.host, publicUrl: opts.publicUrl, demo: opts.demo }, out);
    });
}
