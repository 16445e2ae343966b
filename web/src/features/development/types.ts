/** GET /api/development/cases as the 发展党员 board reads it (src/api/routes/development-routes.ts). */
import type { CaseStepKey, RuleSetVersion } from '../../../../src/domain/regulations/development.ts';
import type { ComplianceDue, ComplianceFinding } from '../compliance/types.ts';

export interface CaseStepItem {
  id: string;
  step: CaseStepKey;
  date: string;
  sponsors?: { memberId: string; name: string; isFullMember: boolean; underInternalProbation: boolean }[];
  training?: { days: number; hours: number };
  passed?: boolean;
  outcome?: 'full' | 'extended' | 'cancelled';
  extensionMonths?: number;
}

/** A next step with its legal window (`latest` null: no deadline; `hardLatest`: a second, hard limit). */
export interface NextStepItem {
  step: CaseStepKey;
  name: string;
  earliest: string | null;
  latest: string | null;
  hardLatest?: string;
  ruleId: string;
  message: string;
}

export interface CaseView {
  case: {
    id: string;
    orgId: string;
    personName: string;
    birthDate: string | null;
    memberId: string | null;
    ruleSet: RuleSetVersion;
    steps: CaseStepItem[];
  };
  currentStep: CaseStepKey | null;
  /** 1–5 (regulations.md §2b). */
  stage: number;
  nextSteps: NextStepItem[];
  dues: ComplianceDue[];
  findings: ComplianceFinding[];
}
