/**
 * Member development (发展党员) events: enough for counting steps in a period. The full
 * 5-stage / 25-step pipeline lives in src/domain/regulations (issue: regulations engine).
 */
import type { LocalDate } from '../common/dates.ts';

/** The dated milestones counted in a summary, in pipeline order. */
export const DEVELOPMENT_STEPS = {
  applied: '申请入党',
  activist: '确定为入党积极分子',
  candidate: '确定为发展对象',
  admittedProbationary: '接收为预备党员',
  becameFull: '预备党员转正',
} as const;
export type DevelopmentStep = keyof typeof DEVELOPMENT_STEPS;
export const DEVELOPMENT_STEP_LIST = Object.keys(DEVELOPMENT_STEPS) as DevelopmentStep[];

export interface DevelopmentEvent {
  id: string;
  orgId: string;
  /** The member record, once the person has one (from 接收为预备党员 on). */
  memberId: string | null;
  personName: string;
  step: DevelopmentStep;
  date: LocalDate;
}
