/** GET /api/compliance as the 合规提醒 page reads it (src/api/routes/compliance-routes.ts). */

export type { Finding as ComplianceFinding, Due as ComplianceDue } from '../../../../src/domain/regulations/finding.ts';
export type { OrgOpenSummary as OrgOpen } from '../../../../src/domain/regulations/check.ts';
export type { CollectionRate } from '../../../../src/domain/regulations/dues.ts';
import type { Due, Finding } from '../../../../src/domain/regulations/finding.ts';
import type { OrgOpenSummary } from '../../../../src/domain/regulations/check.ts';
import type { CollectionRate } from '../../../../src/domain/regulations/dues.ts';

export interface Compliance {
  orgId: string;
  year: number;
  /** The server's calendar day, `YYYY-MM-DD`: the day dues are judged against. */
  today: string;
  findings: Finding[];
  dues: Due[];
  byOrg: OrgOpenSummary[];
  duesCollection: { months: CollectionRate[]; total: CollectionRate } | null;
}
