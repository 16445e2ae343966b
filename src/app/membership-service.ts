/**
 * Use cases for membership over time: 组织关系转接 out (within the system or outside it), 出党,
 * 死亡, 停止党籍, and 转入 of a member on no roll. Each closes or opens dated periods in one
 * transaction (src/domain/member/membership.ts), so every count of an earlier period stays as it was.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  planMembershipEnd, planMembershipStart, type MembershipChange, type MembershipEndInput, type MembershipStartInput,
} from '../domain/member/membership.ts';
import { isBranchLike } from '../domain/org/org.ts';
import type { MembershipAnswer } from '../contract/membership.ts';
import { findMembersByRef, getMember } from '../db/queries/member-queries.ts';
import { updateMemberRow } from '../db/queries/member-update-queries.ts';
import { closeMembership, insertMemberships, membershipsOfMembers } from '../db/queries/membership-queries.ts';
import { getOrganization } from '../db/queries/org-queries.ts';
import { assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';

const NOT_FOUND = '找不到该党员';

async function memberInScope(app: AppContext, actor: Actor, id: string) {
  assertRole(actor, MANAGERS);
  const m = await getMember(app.database.db, id);
  if (!m) throw new NotFoundError(NOT_FOUND);
  await assertRecordOrgInScope(app, actor, m.orgId, NOT_FOUND);
  return m;
}

/** The receiving organization must be a branch (members belong to branches). */
async function receivingBranch(app: AppContext, orgId: string, field: string) {
  const org = await getOrganization(app.database.db, orgId);
  if (!org) throw new ValidationError('找不到接收的党组织', [{ field, message: '找不到该党组织' }]);
  if (!isBranchLike(org.type)) throw new ValidationError(`“${org.name}”不是党支部，党员的组织关系应转入党支部`, [{ field, message: '应为党支部' }]);
  return org;
}

async function apply(app: AppContext, memberId: string, change: MembershipChange): Promise<MembershipAnswer> {
  await app.database.db.transaction(async (tx) => {
    if (change.close) await closeMembership(tx, change.close.id, { endedOn: change.close.endedOn, endKind: change.close.endKind, wentTo: change.close.wentTo });
    if (change.open) await insertMemberships(tx, [change.open]);
    await updateMemberRow(tx, memberId, change.member);
  });
  const periods = (await membershipsOfMembers(app.database.db, [memberId])).get(memberId) ?? [];
  return { memberId, orgId: change.member.orgId, status: change.member.status, memberships: periods };
}

/**
 * Ends the member's current period on `input.date` (see planMembershipEnd): 转出 within the system
 * (the receiving branch's period opens the same day), 转出 outside it, 出党, 死亡 or 停止党籍.
 * ValidationError for an impossible date or receiving branch; NotFoundError outside the actor's scope.
 * A transfer within the system may go to any branch of the system (the receiver need not be in scope).
 */
export async function endMembership(app: AppContext, actor: Actor, memberId: string, input: MembershipEndInput, today: string): Promise<MembershipAnswer> {
  const m = await memberInScope(app, actor, memberId);
  if (input.kind === 'transferOutWithin') await receivingBranch(app, input.toOrgId, 'toOrgId');
  return apply(app, memberId, planMembershipEnd(m, input, today, randomUUID()));
}

/**
 * 转入: a member on no roll (transferred out, or back after 停止党籍) joins the branch `input.orgId`
 * on `input.date`. The branch must be in the actor's scope.
 */
export async function startMembership(app: AppContext, actor: Actor, memberId: string, input: MembershipStartInput, today: string): Promise<MembershipAnswer> {
  const m = await memberInScope(app, actor, memberId);
  const org = await receivingBranch(app, input.orgId, 'orgId');
  await assertRecordOrgInScope(app, actor, org.id, '找不到该党组织');
  return apply(app, memberId, planMembershipStart(m, input, today, randomUUID()));
}

/**
 * A member for the command line: by id, or by exact name inside `orgRef`'s subtree (or anywhere when
 * no organization is given). NotFoundError when none matches; ValidationError when several do.
 */
export async function resolveMemberRef(app: AppContext, ref: string, orgIds?: readonly string[]): Promise<{ id: string; name: string }> {
  const found = await findMembersByRef(app.database.db, ref, orgIds);
  if (found.length === 0) throw new NotFoundError(`找不到党员：${ref}`);
  if (found.length > 1) throw new ValidationError(`有 ${found.length} 名党员叫“${ref}”，请用 --org 指定党支部或改用党员 id`, [{ field: 'member', message: '有重名' }]);
  return found[0]!;
}
