/**
 * Browser-facing defences for every answer: security headers (@fastify/helmet) with a Content
 * Security Policy that allows no inline script, HSTS only on answers that went out over HTTPS,
 * no framing anywhere (`frame-ancestors 'none'`, /docs included), and the Origin (or Referer)
 * of state-changing requests checked against the configured public URL or the request's host.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../domain/errors.ts';

/**
 * The policy of every page, the web UI's and /docs' alike: scripts only from this origin (the
 * built UI and swagger-ui load theirs from files, neither has an inline script); inline styles
 * are allowed because antd writes its CSS-in-JS into <style> elements and swagger-ui sets style
 * attributes; images may be data: or blob: URLs (QR codes, chart exports).
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Not upgrade-insecure-requests: a plain-HTTP installation on a LAN address would break.
  upgradeInsecureRequests: null,
};

/** HSTS sent on HTTPS answers: one year, subdomains not included (they may be other systems). */
export const HSTS = 'max-age=31536000';

/** A state-changing request from a page of another site (HTTP 403). */
export class CrossOriginError extends ForbiddenError {
  constructor() {
    super('请求来源不是本系统的页面，已拒绝。请直接在本系统的网页中操作；如通过代理访问，请管理员设置 ZHIBU_PUBLIC_URL');
    this.name = 'CrossOriginError';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host (`name[:port]`) of a URL or origin, or null when it is not one (`null` included). */
function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request may come from where the browser says it comes from. Requests
 * without Origin and Referer are not from a browser page (scripts, curl) and pass: the session
 * cookie and the CSRF token still guard them. Otherwise the origin must be the configured public
 * URL's or the request's own host (the Host header, not a proxy's X-Forwarded-Host).
 */
export function originAllowed(req: FastifyRequest, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const source = typeof origin === 'string' ? origin : typeof referer === 'string' ? referer : undefined;
  if (source === undefined) return true;
  const host = hostOf(source);
  if (host === null) return false;
  if (publicUrl && host === hostOf(publicUrl)) return true;
  const own = req.headers.host?.toLowerCase();
  return own !== undefined && host === own;
}

/** Installs the headers and the Origin check on every route (register before the routes). */
export async function installSecurity(f: FastifyInstance, opts: { publicUrl?: string | undefined }): Promise<void> {
  await f.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Set below only when the answer goes out over HTTPS (directly or from the loopback proxy).
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on POST, and
    // the Origin check could not tell the UI's own requests from a forged one.
    referrerPolicy: { policy: 'same-origin' },
  });
  f.addHook('onRequest', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (!SAFE_METHODS.has(req.method) && !originAllowed(req, opts.publicUrl)) throw new CrossOriginError();
  });
}
