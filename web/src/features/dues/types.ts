/** GET /api/dues/ledger as the 党费台账 page reads it (src/api/routes/dues-routes.ts). Amounts in 分. */
export type { LedgerStatus, LedgerRow as LedgerMonth, CollectionRate } from '../../../../src/domain/regulations/dues.ts';
export type { DuesLedger, LedgerLine } from '../../../../src/contract/views.ts';
