/** `zhibu check`: the regulations engine's findings for an organization and its subtree. */
import { Option, type Command } from 'commander';
import { yearPeriod } from '../../domain/common/period.ts';
import { checkCompliance } from '../../app/check-service.ts';
import { readsOf } from '../../app/context.ts';
import { resolveOrg } from '../../app/org-service.ts';
import { todayInChina, withApp } from '../run.ts';

/** Adds `check --org <id or name> --year Y [--format json|text] [--today D]`. */
export function registerCheckCommands(program: Command, out: (s: string) => void): void {
  program.command('check')
    .description('对照党内法规检查组织生活、学时、换届等 / check the records against the regulations')
    .requiredOption('--org <id或名称>', '组织（含下级）')
    .requiredOption('--year <年>', '年份', (v) => Number(v))
    .addOption(new Option('--format <格式>', '输出格式').choices(['text', 'json']).default('text'))
    .option('--today <日期>', '以哪天为“今天”检查（默认今天；用于复核历史年度）')
    .action(async (opts: { org: string; year: number; format: 'text' | 'json'; today?: string }, cmd: Command) => {
      await withApp(cmd, async (primary) => {
        const app = readsOf(primary); // a read replica when DATABASE_READ_URL is set
        const org = await resolveOrg(app, opts.org);
        const today = opts.today ?? todayInChina();
        const r = await checkCompliance(app, org, yearPeriod(opts.year), today);
        if (opts.format === 'json') {
          out(JSON.stringify({ orgId: org.id, year: opts.year, today, findings: r.findings, dues: r.dues, byOrg: r.byOrg }, null, 2));
          return;
        }
        if (r.findings.length === 0) out(`${org.name} ${opts.year}年：未发现问题。`);
        const names = new Map(r.byOrg.map((o) => [o.orgId, o.name]));
        for (const f of r.findings) {
          out(`[${f.severity === 'error' ? '错误' : '提示'}] ${names.get(f.orgId) ?? ''} ${f.period}  ${f.message}  （${f.ruleId} ${f.citation}）`);
        }
        if (r.dues.length > 0) {
          out('\n近期到期事项：');
          for (const d of r.dues) out(`  ${d.latest}  ${names.get(d.orgId) ?? ''} ${d.message.startsWith(d.subject) ? '' : `${d.subject}：`}${d.message}（${d.ruleId}）`);
        }
      });
    });
}
