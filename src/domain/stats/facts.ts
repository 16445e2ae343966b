/**
 * The facts a summary states, each traceable to the records behind it.
 * Computed by `computeFacts` (stats.ts) — pure, from records passed in.
 */
import type { ActivityKind } from '../activity/activity.ts';
import type { LocalDate } from '../common/dates.ts';
import type { Period } from '../common/period.ts';
import type { DevelopmentStep } from '../development/development.ts';

/** Which kind of record a fact was computed from. */
export type RecordType = 'activity' | 'member' | 'developmentEvent' | 'developmentCase' | 'organization';

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
