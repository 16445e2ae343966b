/**
 * `zhibu member transfer|leave|transfer-in`: 组织关系转接 (within the system or outside it), 出党,
 * 死亡, 停止党籍 and 转入, each with its date — the same use cases and request schemas as the API.
 */
import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/access.ts';
import { endMembership, resolveMemberRef, startMembership } from '../../app/membership-service.ts';
import { orgSubtree, resolveOrg } from '../../app/org-service.ts';
import { MEMBERSHIP_END_KINDS, membershipEndRequest, membershipLine, membershipStartRequest, type MembershipAnswer } from '../../contract/membership.ts';
import { parseInput } from '../../contract/common.ts';
import { ValidationError } from '../../domain/errors.ts';
import { todayInChina, withApp } from '../run.ts';

/** Adds the `member` commands; `out` receives the lines (default: console.log). */
export function registerMemberCommands(program: Command, out: (s: string) => void = (s) => console.log(s)): void {
  const member = program.command('member').description('党员组织关系与党籍 / membership transfers and status');
  const report = async (r: MembershipAnswer, name: string, orgName: (id: string) => Promise<string>) => {
    out(`${name}的组织关系：`);
    for (const p of r.memberships) out(`  ${membershipLine(p, await orgName(p.orgId))}`);
  };

  member.command('transfer <党员>')
    .description('转出组织关系（--to 系统内党支部，或 --outside 系统外党组织） / transfer a member out')
    .requiredOption('--date <日期>', '转出日期 YYYY-MM-DD（当天起不再计入本支部）')
    .option('--to <id或名称>', '接收的党支部（系统内）')
    .option('--outside <党组织名称>', '接收的党组织（系统外）')
    .option('--org <id或名称>', '按姓名查找时，在这个组织内查找')
    .action(async (ref: string, opts: { date: string; to?: string; outside?: string; org?: string }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        if ((opts.to === undefined) === (opts.outside === undefined)) {
          throw new ValidationError('请给出 --to（系统内党支部）或 --outside（系统外党组织）之一', [{ field: 'to', message: '二选一' }]);
        }
        const scope = opts.org ? (await orgSubtree(app, await resolveOrg(app, opts.org))).map((o) => o.id) : undefined;
        const m = await resolveMemberRef(app, ref, scope);
        const input = parseInput(membershipEndRequest, opts.to !== undefined
          ? { kind: 'transferOutWithin', date: opts.date, toOrgId: (await resolveOrg(app, opts.to)).id }
          : { kind: 'transferOutOutside', date: opts.date, wentTo: opts.outside });
        const r = await endMembership(app, SYSTEM_ACTOR, m.id, input, todayInChina());
        await report(r, m.name, async (id) => (await resolveOrg(app, id)).name);
      });
    });

  member.command('leave <党员>')
    .description('出党、死亡或停止党籍 / record that a member left the Party roll')
    .addOption(new Option('--reason <原因>', `expelled ${MEMBERSHIP_END_KINDS.expelled}，deceased ${MEMBERSHIP_END_KINDS.deceased}，suspended ${MEMBERSHIP_END_KINDS.suspended}`)
      .choices(['expelled', 'deceased', 'suspended']).makeOptionMandatory())
    .requiredOption('--date <日期>', '日期 YYYY-MM-DD（当天起不再计入）')
    .option('--org <id或名称>', '按姓名查找时，在这个组织内查找')
    .action(async (ref: string, opts: { reason: string; date: string; org?: string }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const scope = opts.org ? (await orgSubtree(app, await resolveOrg(app, opts.org))).map((o) => o.id) : undefined;
        const m = await resolveMemberRef(app, ref, scope);
        const input = parseInput(membershipEndRequest, { kind: opts.reason, date: opts.date });
        const r = await endMembership(app, SYSTEM_ACTOR, m.id, input, todayInChina());
        await report(r, m.name, async (id) => (await resolveOrg(app, id)).name);
      });
    });

  member.command('transfer-in <党员>')
    .description('转入：不在任何名册上的党员（已转出、恢复党籍）加入党支部 / a member comes (back) into a branch')
    .requiredOption('--to <id或名称>', '接收的党支部')
    .requiredOption('--date <日期>', '转入日期 YYYY-MM-DD')
    .option('--from <党组织名称>', '转出的党组织（系统外）')
    .action(async (ref: string, opts: { to: string; date: string; from?: string }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const m = await resolveMemberRef(app, ref);
        const input = parseInput(membershipStartRequest, { date: opts.date, orgId: (await resolveOrg(app, opts.to)).id, cameFrom: opts.from ?? null });
        const r = await startMembership(app, SYSTEM_ACTOR, m.id, input, todayInChina());
        await report(r, m.name, async (id) => (await resolveOrg(app, id)).name);
      });
    });
}
