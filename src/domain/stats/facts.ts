/**
 * The facts a summary states, each traceable to the records behind it.
 * Computed by `computeFacts` (stats.ts) — pure, from records passed in.
 */
import type { ActivityKind } from '../activity/activity.ts';
import type { LocalDate } from '../common/dates.ts';
import type { Period } from '../common/period.ts';
import type { DevelopmentStep } from '../development/development.ts';

/** Which kind of record a fact was computed from. */
export const RECORD_TYPES = [
  'activity', 'member', 'developmentEvent', 'developmentCase', 'organization',
  'campaign', 'serviceProject', 'serviceEvaluation', 'rectificationItem', 'partner', 'honour',
] as const;
export type RecordType = typeof RECORD_TYPES[number];

/** A pointer to one record behind a number. */
export interface SourceRef {
  type: RecordType;
  id: string;
}

/** Units as written in Chinese summaries; `%` and `学时` values may carry one decimal. */
export type FactUnit = '次' | '人次' | '人' | '名' | '%' | '学时' | '项' | '个' | '元';

export type FactKey =
  | `activities.${ActivityKind}`
  | 'activities.all'
  | 'participations'
  | 'distinctParticipants'
  | 'attendanceRate'
  | 'secretaryPartyLectures'
  | 'firstAgendaItems'
  | 'studySessions'
  | 'studyParticipations'
  | 'averageStudyHours'
  | 'volunteerServices'
  | 'volunteerParticipations'
  /** The members' and the non-members' (群众) share of a participation count, 人次. */
  | 'participations.members'
  | 'participations.nonMembers'
  | 'studyParticipations.members'
  | 'studyParticipations.nonMembers'
  | 'volunteerParticipations.members'
  | 'volunteerParticipations.nonMembers'
  /** 我为群众办实事: projects under way in the period, finished by the cut-off, people served. */
  | 'serviceProjects'
  | 'serviceProjects.done'
  | 'serviceProjects.peopleServed'
  /** 群众评议 answers given in the period, and the share of 满意 + 基本满意 (%). */
  | 'serviceEvaluations'
  | 'serviceEvaluations.satisfied'
  | 'serviceEvaluations.satisfactionRate'
  /** 整改清单: items in hand in the period, closed (对账销号) by the cut-off, still open at it. */
  | 'rectification.total'
  | 'rectification.closed'
  | 'rectification.open'
  | 'campaigns'
  | 'partners'
  | 'honours'
  | `development.${DevelopmentStep}`
  | 'members.full'
  | 'members.probationary'
  | 'members.total'
  | 'branches'
  /** Party dues paid for the period's months, 元 (two decimals); 0 when dues are not kept in Zhibu. */
  | 'dues.collectedYuan'
  /** Paid up to the amount due ÷ due for the period's months, % with one decimal. */
  | 'dues.collectionRate';

/** One number with its unit, a Chinese label of what it measures, and its sources. */
export interface Fact {
  key: FactKey;
  /** What it measures, in Chinese, e.g. `支部委员会会议`. */
  label: string;
  value: number;
  unit: FactUnit;
  sources: SourceRef[];
}

/** All facts for one organization (alone or with its subtree) and one period. */
export interface Facts {
  orgId: string;
  includeSubtree: boolean;
  period: Period;
  /** The date member counts are taken at (the period's last day). */
  asOf: LocalDate;
  /** Every key is present; a value of 0 means nothing was recorded. */
  facts: Record<FactKey, Fact>;
}
