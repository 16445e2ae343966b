/**
 * Contract of QR sign-in (扫码签到): opening a code for a meeting's window, a member's scan and
 * its outcome, and the live list the secretary confirms or rejects. Used by the API and the web.
 */
import { z } from 'zod';
import {
  SIGN_IN_OUTCOMES, SIGN_IN_PENDING_REASONS, type SignInOutcome, type SignInPendingReason,
} from '../domain/activity/sign-in.ts';
import { uuid } from './common.ts';

export { SIGN_IN_OUTCOMES, SIGN_IN_PENDING_REASONS };
export type { SignInOutcome, SignInPendingReason };

const OUTCOMES = Object.keys(SIGN_IN_OUTCOMES) as [SignInOutcome, ...SignInOutcome[]];
const REASONS = Object.keys(SIGN_IN_PENDING_REASONS) as [SignInPendingReason, ...SignInPendingReason[]];

/** POST /api/activities/:id/sign-in — the meeting's start (`HH:MM`, China time; defaults to now when the meeting is today) and the window around it. */
export const signInOpenRequest = z.object({
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '开始时间应为 HH:MM').optional(),
  beforeMinutes: z.number().int().min(0).max(720).default(60),
  afterMinutes: z.number().int().min(10).max(720).default(180),
}).default({ beforeMinutes: 60, afterMinutes: 180 });
export type SignInOpenRequest = z.input<typeof signInOpenRequest>;

/** The code: its link, the QR code as SVG, and the window it is valid in (ISO instants). */
export const signInTicket = z.object({ token: z.string(), url: z.string(), validFrom: z.string(), expiresAt: z.string(), qrSvg: z.string() });
export type SignInTicket = z.infer<typeof signInTicket>;

/** POST /api/sign-in — a member's scan. */
export const signInRequest = z.object({ token: z.string().trim().min(1).max(100) });

/** What the scan did, with a message for the member. */
export const signInResult = z.object({ activityId: uuid, title: z.string(), outcome: z.enum(OUTCOMES), reason: z.enum(REASONS).nullable(), message: z.string() });
export type SignInResult = z.infer<typeof signInResult>;

/** One scan in the live list. */
export const signInScan = z.object({ id: uuid, memberId: uuid, name: z.string(), at: z.string(), outcome: z.enum(OUTCOMES), reason: z.enum(REASONS).nullable() });
export type SignInScan = z.infer<typeof signInScan>;

/** GET /api/activities/:id/sign-ins — who scanned, in order; the pending ones await the secretary. */
export const signInList = z.object({ activityId: uuid, scans: z.array(signInScan) });
export type SignInList = z.infer<typeof signInList>;

/** Path of the confirm/reject routes. */
export const signInScanParams = z.object({ id: uuid, scanId: uuid });
