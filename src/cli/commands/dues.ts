/** `zhibu dues …`: the monthly amount by hand (no database), and the yearly ledger as .xlsx. */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/access.ts';
import { exportDuesLedger } from '../../app/dues-service.ts';
import { resolveOrg } from '../../app/org-service.ts';
import { DUES_CATEGORIES, DUES_CATEGORY_LIST, monthlyDues, type DuesCategory } from '../../domain/regulations/dues.ts';
import { DEFAULT_SETTINGS } from '../../domain/regulations/settings.ts';
import { todayInChina, withApp } from '../run.ts';

/**
 * Adds `dues calc --category <c> --base <元>`: prints the monthly amount and the rule applied
 * (national 2008 rule, default settings). `out` receives the lines (default: console.log).
 * A bad base ends in the domain's ValidationError, reported by the program's error handler.
 */
export function registerDuesCommands(program: Command, out: (s: string) => void = (s) => console.log(s)): void {
  const dues = program.command('dues').description('党费 / party membership dues');
  dues.command('calc')
    .description('按2008年党费规定计算每月应交党费 / monthly dues and the rule applied')
    .addOption(new Option('--category <类别>', '党员类别').choices(DUES_CATEGORY_LIST).makeOptionMandatory())
    .option('--base <元>', '月计算基数（元）；学生、下岗失业、低保党员不需要')
    .option('--farmer-amount <元>', '农民党员本人每月交纳额（0.2–1元）')
    .action((opts: { category: DuesCategory; base?: string; farmerAmount?: string }) => {
      const c = monthlyDues(opts.category, opts.base ?? null, DEFAULT_SETTINGS, opts.farmerAmount);
      out(`党员类别：${DUES_CATEGORIES[c.category]}`);
      if (c.base !== null) out(`计算基数：${c.base} 元`);
      if (c.rate !== null) out(`交纳比例：${c.rate}`);
      out(`每月应交党费：${c.amount} 元`);
      out(`依据：${c.ruleText}`);
    });

  dues.command('ledger')
    .description('导出党费收缴台账 .xlsx / export the yearly dues ledger')
    .requiredOption('--org <id或名称>', '组织（含下级）')
    .requiredOption('--year <年>', '年份', (v) => Number(v))
    .option('--out <文件>', '输出文件（默认按标题命名）')
    .option('--today <日期>', '以哪天为“今天”计算欠交（默认今天）')
    .action(async (opts: { org: string; year: number; out?: string; today?: string }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const org = await resolveOrg(app, opts.org);
        const { bytes, filename } = await exportDuesLedger(app, SYSTEM_ACTOR, org, opts.year, opts.today ?? todayInChina());
        const file = opts.out ?? filename;
        writeFileSync(file, bytes);
        out(`已导出${org.name}${opts.year}年党费收缴台账：${file}`);
      });
    });
}
