/** GET /api/compliance as the 合规提醒 page reads it (src/api/routes/compliance-routes.ts). */

/** One problem found in the records; `period` is `2026-07`, `2026-Q3` or `2026`. */
export interface ComplianceFinding {
  ruleId: string;
  severity: 'error' | 'warning';
  orgId: string;
  period: string;
  message: string;
  recordIds: string[];
  citation: string;
}

/** Something due between `earliest` (null: any time now) and `latest`, inclusive. */
export interface ComplianceDue {
  ruleId: string;
  orgId: string;
  subject: string;
  earliest: string | null;
  latest: string;
  message: string;
  recordIds: string[];
}

export interface OrgOpen {
  orgId: string;
  name: string;
  errors: number;
  warnings: number;
  byRule: Record<string, number>;
  dues: number;
}

/** Amounts in 分; `rate` as `99.7%`, null when nothing was due. */
export interface CollectionRate {
  label: string;
  dueFen: number;
  paidFen: number;
  rate: string | null;
}

export interface Compliance {
  orgId: string;
  year: number;
  /** The server's calendar day, `YYYY-MM-DD`: the day dues are judged against. */
  today: string;
  findings: ComplianceFinding[];
  dues: ComplianceDue[];
  byOrg: OrgOpen[];
  duesCollection: { months: CollectionRate[]; total: CollectionRate } | null;
}
