/** `zhibu synth`: a synthetic 党委 of any size, for benchmarks and capacity tests. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadSynthetic } from '../../app/synth-service.ts';
import { withApp } from '../run.ts';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${name} 应为整数：${v}`);
  return n;
};

/** Adds `synth --branches N --members-per-branch M --year Y [--seed S] [--json]`. */
export function registerSynthCommands(program: Command, out: (s: string) => void): void {
  program.command('synth')
    .description('生成大规模合成数据（党委→党总支→支部→党小组，一年的记录） / generate synthetic data at scale')
    .requiredOption('--branches <数量>', '党支部数量（每 10 个支部一个党总支）', int('branches'))
    .option('--members-per-branch <人数>', '每个支部的党员人数', int('members-per-branch'), 25)
    .requiredOption('--year <年>', '记录所在年份', int('year'))
    .option('--seed <种子>', '随机种子（相同种子生成相同数据）', 'zhibu-synth-1')
    .option('--json', '以 JSON 输出结果（含根组织 id）')
    .action(async (opts: { branches: number; membersPerBranch: number; year: number; seed: string; json?: boolean }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const bar = process.stderr.isTTY
          ? new cliProgress.SingleBar({ format: '生成合成数据 [{bar}] {value}/{total} 个支部 {percentage}% 剩余 {eta_formatted}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
          : undefined;
        const r = await loadSynthetic(app, { branches: opts.branches, membersPerBranch: opts.membersPerBranch, year: opts.year, seed: opts.seed }, (done, total) => {
          if (!bar) return;
          if (done === 0) bar.start(total, 0);
          else bar.update(done);
        });
        bar?.stop();
        if (opts.json) { out(JSON.stringify(r)); return; }
        out(`已生成「${r.rootName}」（${r.rootId}）：${r.organizations} 个组织，${r.members} 名党员，${r.activities} 条活动，${r.attendance} 条出勤，${r.duesPayments} 笔党费，${r.developmentCases} 个发展党员案例；用时 ${(r.ms / 1000).toFixed(1)} 秒。`);
      });
    });
}
