/** `zhibu development …`: member development cases (发展党员) — list, show, add a step. */
import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/access.ts';
import { addCaseStep, listCases, readCase, type CaseView, type StepInput } from '../../app/development-service.ts';
import { resolveOrg } from '../../app/org-service.ts';
import { ValidationError } from '../../domain/errors.ts';
import { CASE_STAGES, CASE_STEP_LIST, CASE_STEPS, type CaseStepKey } from '../../domain/regulations/development.ts';
import { todayInChina, withApp } from '../run.ts';

const window = (earliest: string | null, latest: string | null): string =>
  earliest && latest ? `${earliest} 至 ${latest}` : latest ? `${latest} 前` : earliest ? `${earliest} 起` : '无时限';

function printCase(v: CaseView, out: (s: string) => void): void {
  const c = v.case;
  out(`${c.personName}  （档案 ${c.id}，执行${c.ruleSet === '2014' ? '2014年' : '2026年修订'}细则）`);
  out(`当前阶段：${CASE_STAGES[v.stage - 1]}；最近步骤：${v.currentStep ?? '无'}`);
  out('已记录步骤：');
  for (const s of [...c.steps].sort((a, b) => a.date.localeCompare(b.date) || CASE_STEPS[a.step].no - CASE_STEPS[b.step].no)) {
    out(`  ${s.date}  ${CASE_STEPS[s.step].no}. ${CASE_STEPS[s.step].name}${s.sponsors ? `（介绍人：${s.sponsors.map((x) => x.name).join('、')}）` : ''}`);
  }
  if (v.nextSteps.length > 0) {
    out('下一步：');
    for (const n of v.nextSteps) out(`  ${n.name}：${window(n.earliest, n.latest)}${n.hardLatest ? `（最迟 ${n.hardLatest}）` : ''} — ${n.message}（${n.ruleId}）`);
  }
  for (const f of v.findings) out(`[${f.severity === 'error' ? '错误' : '提示'}] ${f.message}（${f.ruleId}）`);
}

/**
 * Adds `development list --org`, `development show <case id>` and
 * `development add-step <case id> <step> --date D [...]` (run as the local system user).
 * An impossible step ends in the engine's ValidationError, with the rule cited (exit code 2).
 */
export function registerDevelopmentCommands(program: Command, out: (s: string) => void): void {
  const dev = program.command('development').description('发展党员 / member development cases');
  dev.command('list')
    .description('列出组织（含下级）的发展党员档案及下一步 / list cases with their next step')
    .requiredOption('--org <id或名称>', '组织')
    .option('--today <日期>', '以哪天为“今天”（默认今天）')
    .action(async (opts: { org: string; today?: string }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const org = await resolveOrg(app, opts.org);
        const cases = await listCases(app, SYSTEM_ACTOR, org, opts.today ?? todayInChina());
        if (cases.length === 0) { out(`${org.name}还没有发展党员档案。`); return; }
        for (const v of cases) {
          const n = v.nextSteps[0];
          out(`${v.case.id}  ${v.case.personName}  ${v.currentStep ?? ''}  →  ${n ? `${n.name}（${window(n.earliest, n.latest)}）` : '已完成'}`);
        }
      });
    });

  dev.command('show <caseId>')
    .description('显示一份档案：已记录步骤、下一步及其时限 / show a case with next steps and due dates')
    .option('--today <日期>', '以哪天为“今天”（默认今天）')
    .action(async (caseId: string, opts: { today?: string }, cmd: Command) => {
      await withApp(cmd, async (app) => printCase(await readCase(app, SYSTEM_ACTOR, caseId, opts.today ?? todayInChina()), out));
    });

  dev.command('add-step <caseId> <step>')
    .description(`记录一个发展步骤（step 取值：${CASE_STEP_LIST.join(', ')}）/ record a step`)
    .requiredOption('--date <日期>', '步骤日期 YYYY-MM-DD')
    .option('--sponsors <id,id>', '入党介绍人的党员 id（确定入党介绍人时）')
    .option('--days <天>', '集中培训天数', Number)
    .option('--hours <学时>', '集中培训学时', Number)
    .option('--failed', '政治审查或预审不合格')
    .addOption(new Option('--outcome <结果>', '支部大会讨论转正的结果').choices(['full', 'extended', 'cancelled']))
    .option('--extension-months <月>', '延长预备期的月数（6–12）', Number)
    .option('--member <id>', '关联党员记录（接收为预备党员后）')
    .option('--publicity-start <日期>', '公示开始日期（确定发展对象，2026年修订细则）')
    .option('--leaving-on <日期>', '发展对象离开工作、学习单位的日期（上级党委预审）')
    .option('--present <人>', '表决：有表决权的到会党员人数（支部大会讨论接收、转正）', Number)
    .option('--yes <票>', '表决：赞成票数', Number)
    .option('--written-yes <票>', '表决：未到会党员书面赞成意见数', Number)
    .option('--due <人>', '表决：应到会有表决权的党员人数（默认按本支部正式党员计算）', Number)
    .option('--today <日期>', '以哪天为“今天”（默认今天）')
    .action(async (caseId: string, step: string, opts: { date: string; sponsors?: string; days?: number; hours?: number; failed?: boolean; outcome?: 'full' | 'extended' | 'cancelled'; extensionMonths?: number; member?: string; publicityStart?: string; leavingOn?: string; present?: number; yes?: number; writtenYes?: number; due?: number; today?: string }, cmd: Command) => {
      if (!CASE_STEP_LIST.includes(step as CaseStepKey)) throw new ValidationError(`未知的步骤：${step}（可选：${CASE_STEP_LIST.join(', ')}）`, [{ field: 'step', message: '未知的步骤' }]);
      const input: StepInput = {
        step: step as CaseStepKey, date: opts.date,
        sponsorMemberIds: opts.sponsors?.split(',').map((s) => s.trim()).filter(Boolean),
        training: opts.days !== undefined || opts.hours !== undefined ? { days: opts.days ?? 0, hours: opts.hours ?? 0 } : undefined,
        passed: opts.failed ? false : undefined,
        outcome: opts.outcome, extensionMonths: opts.extensionMonths, memberId: opts.member,
        publicityStart: opts.publicityStart, leavingUnitOn: opts.leavingOn,
        vote: opts.present !== undefined || opts.yes !== undefined
          ? { present: opts.present ?? 0, yes: opts.yes ?? 0, writtenYes: opts.writtenYes, due: opts.due }
          : undefined,
      };
      await withApp(cmd, async (app) => {
        const v = await addCaseStep(app, SYSTEM_ACTOR, caseId, input, opts.today ?? todayInChina(), new Date());
        out(`已记录「${CASE_STEPS[input.step].name}」（${input.date}）。`);
        printCase(v, out);
      });
    });
}
