/**
 * Party members (党员). Identity numbers and phones are personal data: the domain sees them only
 * when a use case needs them; lists carry the masked forms (see mask.ts).
 */
import type { LocalDate } from '../common/dates.ts';
import { belongsOn, type Membership } from './membership.ts';

/** 正式党员 (`full`) or 预备党员 (`probationary`) — glossary `fullMember`, `probationaryMember`. */
export type MemberCategory = 'full' | 'probationary';
export const MEMBER_CATEGORY_LABELS: Record<MemberCategory, string> = { full: '正式党员', probationary: '预备党员' };

export const MEMBER_STATUSES = {
  normal: '正常',
  mobile: '流动党员',
  transferredOut: '已转出',
  suspended: '停止党籍',
  removed: '已除名',
  deceased: '已去世',
} as const;
export type MemberStatus = keyof typeof MEMBER_STATUSES;

export const POSITIONS = {
  secretary: '书记',
  deputySecretary: '副书记',
  organizationCommitteeMember: '组织委员',
  publicityCommitteeMember: '宣传委员',
  disciplineCommitteeMember: '纪检委员',
  committeeMember: '委员',
  subgroupLeader: '党小组长',
} as const;
export type Position = keyof typeof POSITIONS;

export interface Member {
  id: string;
  /** The branch the member belongs to. */
  orgId: string;
  /** The 党小组 inside the branch, if any. */
  subgroupId: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  ethnicity: string | null;
  birthDate: LocalDate | null;
  education: string | null;
  category: MemberCategory;
  /** 申请入党 */
  appliedOn: LocalDate | null;
  /** 入党 = admitted as probationary member (预备期从支部大会通过之日算起, PC-03). */
  admittedOn: LocalDate | null;
  /** 转正 = became a full member. */
  fullOn: LocalDate | null;
  status: MemberStatus;
  /** The day the member left the system's rolls (transfer out, death, removal); null while on a roll. */
  leftOn: LocalDate | null;
  positions: Position[];
  /**
   * The periods the member belonged to organizations (membership.ts). Loaded for a scope, it holds
   * only the periods spent in that scope's organizations.
   */
  memberships: readonly Membership[];
}

/** Whether the member sits on the branch committee (书记, 副书记, 委员). */
export function isCommitteeMember(m: Pick<Member, 'positions'>): boolean {
  return m.positions.some((p) => p !== 'subgroupLeader');
}

/**
 * The member's category on date `d`, or null when not on a roll that day (no membership period
 * covers `d`, see membership.ts `belongsOn`; pass `orgId` to ask about one organization's roll).
 * Probationary from `admittedOn`, full from `fullOn`; a member with neither date but a category
 * (an imported roster with gaps) counts under that category.
 */
export function categoryOn(m: Member, d: LocalDate, orgId?: string): MemberCategory | null {
  if (!belongsOn(m, d, orgId)) return null;
  if (m.fullOn && m.fullOn <= d) return 'full';
  if (m.admittedOn && m.admittedOn <= d) return 'probationary';
  if (!m.admittedOn && !m.fullOn) return m.category;
  return null;
}
