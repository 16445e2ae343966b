/** GET /api/dues/ledger as the 党费台账 page reads it (src/api/routes/dues-routes.ts). Amounts in 分. */

export type LedgerStatus = 'notDue' | 'paid' | 'partial' | 'unpaid';

export interface LedgerMonth {
  memberId: string;
  /** `2026-07` */
  month: string;
  dueFen: number;
  paidFen: number;
  paidOn: string | null;
  paymentIds: string[];
  status: LedgerStatus;
}

export interface LedgerLine {
  memberId: string;
  name: string;
  orgId: string;
  categoryLabel: string | null;
  monthlyFen: number;
  /** The twelve months of the year, January first. */
  months: LedgerMonth[];
  paidFen: number;
  owedFen: number;
}

/** `rate` as `99.7%`, null when nothing was due; `label` is the month (`2026-07`) or `total`. */
export interface CollectionRate {
  label: string;
  dueFen: number;
  paidFen: number;
  rate: string | null;
}

export interface DuesLedger {
  orgId: string;
  orgName: string;
  year: number;
  lines: LedgerLine[];
  collection: { months: CollectionRate[]; total: CollectionRate };
}
