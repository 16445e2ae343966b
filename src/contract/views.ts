/**
 * The shapes of the use cases' answers that the API sends as they are and the web UI reads.
 * Types only, importing nothing but the domain, so that `web/` can import them (type-only)
 * instead of copying them.
 */
import type { CollectionRate, LedgerRow } from '../domain/regulations/dues.ts';
import type { Block, DraftDocument, SummaryKind } from '../domain/report/document.ts';

/** Account roles: administrator (all), organization administrator (its subtree), member (own records). */
export type Role = 'admin' | 'orgAdmin' | 'member';

/** A user as shown to clients (never the hash). */
export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  orgName: string | null;
  memberId: string | null;
}

/** A saved summary as the client sees it: the draft with edits applied. */
export interface SummaryView {
  id: string;
  orgId: string;
  title: string;
  kind: SummaryKind;
  periodLabel: string;
  period: { from: string; to: string };
  draft: EditedDraft;
  couldBeAdded: DraftDocument['couldBeAdded'];
  /** Paragraphs whose edits were dropped by the last regeneration (only in its answer). */
  conflicts: string[];
  updatedAt: string;
}

/** One member's line of the yearly dues ledger. Amounts in 分. */
export interface LedgerLine {
  memberId: string;
  name: string;
  orgId: string;
  /** Category label (在职党员 …) of the rate in force, or null without a rate. */
  categoryLabel: string | null;
  /** Monthly amount of the rate in force in January (or the first rate of the year). */
  monthlyFen: number;
  /** The twelve months of the year, January first. */
  months: LedgerRow[];
  paidFen: number;
  /** Unpaid dues of months already over on `today`. */
  owedFen: number;
}

/** The yearly dues ledger of an organization's subtree, with collection per month and in total. */
export interface DuesLedger {
  orgId: string;
  orgName: string;
  year: number;
  lines: LedgerLine[];
  collection: { months: CollectionRate[]; total: CollectionRate };
}

/** A paragraph block as the client sees it, flagged when the user's text replaces the generated one. */
export type ViewBlock = Exclude<Block, { type: 'paragraph' }> | (Extract<Block, { type: 'paragraph' }> & { edited: boolean });

/** The draft with edits applied; paragraphs carry `edited`. */
export type EditedDraft = Omit<DraftDocument, 'blocks'> & { blocks: ViewBlock[] };
