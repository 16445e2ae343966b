/**
 * Per-account rate limits on the expensive routes (issue 13: one user's requests cannot starve
 * the others): uploads, document generation and the compliance check. Counted per logged-in
 * account (per address for anonymous callers) by @fastify/rate-limit, in this process's memory;
 * a refusal is a ThrottledError (HTTP 429 through ERROR_KINDS) saying when to try again.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ThrottledError } from '../domain/errors.ts';

/** Requests per account per minute, by kind of work. */
export const RATE_LIMITS = {
  /** Reading, proofreading and importing uploaded files. */
  upload: 20,
  /** Drafting reports and summaries, exporting documents and spreadsheets. */
  generate: 30,
  /** The compliance check over an organization's records. */
  check: 60,
} as const;

/** The expensive routes: `METHOD url` → kind. A route added here is limited; others are not. */
const EXPENSIVE: Record<string, keyof typeof RATE_LIMITS> = {
  'POST /api/documents/check': 'upload',
  'POST /api/documents/analyze': 'upload',
  'POST /api/documents/table': 'generate',
  'POST /api/members/import/preview': 'upload',
  'POST /api/members/import': 'upload',
  'GET /api/members/export': 'generate',
  'POST /api/reports': 'generate',
  'POST /api/summaries': 'generate',
  'POST /api/summaries/:id/regenerate': 'generate',
  'GET /api/summaries/:id/export': 'generate',
  'GET /api/dues/ledger/export': 'generate',
  'GET /api/compliance': 'check',
};

/**
 * Installs the limits on `f`; call before registering the routes. `scale` multiplies every
 * limit (tests); `false` installs nothing.
 */
export async function installRateLimits(f: FastifyInstance, scale: number | false = 1): Promise<void> {
  if (scale === false) return;
  // Runs before the plugin's own onRoute hook, so the plugin sees the limit on each route.
  f.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      const kind = EXPENSIVE[`${m} ${route.url}`];
      if (!kind) continue;
      route.config = { ...(route.config as object), rateLimit: { max: Math.max(1, Math.round(RATE_LIMITS[kind] * scale)), timeWindow: 60_000 } } as typeof route.config;
    }
  });
  await f.register(rateLimit, {
    global: false,
    // The auth hook (onRequest, installed first) has already put the session on the request.
    keyGenerator: (req) => req.auth?.actor.userId ? `user:${req.auth.actor.userId}` : `ip:${req.ip}`,
    errorResponseBuilder: (_req, ctx) => new ThrottledError(`操作过于频繁：此类操作每分钟最多 ${ctx.max} 次，请 ${Math.max(1, Math.ceil(ctx.ttl / 1000))} 秒后再试`),
  });
}
