/**
 * Contract of membership over time (组织关系转接, 出党, 死亡, 停止党籍): the periods a member spent
 * on organizations' rolls, and the requests that end or start one. Used by the API
 * (`/api/members/:id/membership/…`), the CLI (`zhibu member transfer|leave|transfer-in`) and the web
 * member page.
 */
import { z } from 'zod';
import {
  MEMBERSHIP_END_KINDS, MEMBERSHIP_END_KIND_LIST, MEMBERSHIP_START_KINDS, MEMBERSHIP_START_KIND_LIST,
  type MembershipEndKind, type MembershipStartKind,
} from '../domain/member/membership.ts';
import { isoDate, text, uuid } from './common.ts';

export { MEMBERSHIP_END_KINDS, MEMBERSHIP_START_KINDS };
export type { MembershipEndKind, MembershipStartKind };

export const membershipStartKind = z.enum(MEMBERSHIP_START_KIND_LIST as [MembershipStartKind, ...MembershipStartKind[]]);
export const membershipEndKind = z.enum(MEMBERSHIP_END_KIND_LIST as [MembershipEndKind, ...MembershipEndKind[]]);

/** One period on an organization's roll, `[startedOn, endedOn)`: on `endedOn` the member is no longer on it. */
export const membership = z.object({
  id: uuid, memberId: uuid, orgId: uuid,
  startedOn: isoDate.nullable(), startKind: membershipStartKind,
  endedOn: isoDate.nullable(), endKind: membershipEndKind.nullable(),
  cameFrom: z.string().nullable(), wentTo: z.string().nullable(),
});
export type MembershipView = z.infer<typeof membership>;

/** POST /api/members/:id/membership/end — how and when the member leaves the current organization's roll. */
export const membershipEndRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('transferOutWithin'), date: isoDate, toOrgId: uuid }),
  z.object({ kind: z.literal('transferOutOutside'), date: isoDate, wentTo: text(100).min(1, '请填写转往的党组织') }),
  z.object({ kind: z.literal('expelled'), date: isoDate }),
  z.object({ kind: z.literal('deceased'), date: isoDate }),
  z.object({ kind: z.literal('suspended'), date: isoDate }),
]);
export type MembershipEndRequest = z.infer<typeof membershipEndRequest>;

/** POST /api/members/:id/membership/start — a member on no roll comes (back) into a branch (转入). */
export const membershipStartRequest = z.object({
  date: isoDate,
  orgId: uuid,
  cameFrom: text(100).nullable().default(null),
});
export type MembershipStartRequest = z.infer<typeof membershipStartRequest>;

/** The answer to either request: the member's periods after the change, oldest first. */
export const membershipAnswer = z.object({ memberId: uuid, orgId: uuid, status: z.string(), memberships: z.array(membership) });
export type MembershipAnswer = z.infer<typeof membershipAnswer>;

/** How a period's start and end read on the member page, e.g. `2024-03-01 系统内转入`. */
export function membershipLine(p: MembershipView, orgName: string): string {
  const from = p.startedOn ? `${p.startedOn} ${MEMBERSHIP_START_KINDS[p.startKind]}${p.cameFrom ? `（来自${p.cameFrom}）` : ''}` : '建档前';
  const to = p.endedOn && p.endKind ? `${p.endedOn} ${MEMBERSHIP_END_KINDS[p.endKind]}${p.wentTo ? `（转往${p.wentTo}）` : ''}` : '至今';
  return `${orgName}：${from} — ${to}`;
}
