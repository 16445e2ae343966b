/**
 * Test helpers for the authenticated API: create accounts directly through the use case, log in
 * through the route, and send requests with the session cookie and CSRF header.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { SYSTEM_ACTOR, type Role } from '../../src/app/access.ts';
import { createUser } from '../../src/app/auth-service.ts';
import type { AppContext } from '../../src/app/context.ts';

export const PASSWORD = 'correct horse battery';

/** A logged-in client: the cookie and CSRF token of one session. */
export interface Client {
  cookie: string;
  csrf: string;
  /** Sends a request with the session; `csrf: false` leaves the header out, a string replaces it. */
  send(opts: InjectOptions & { csrf?: false | string }): Promise<LightMyRequestResponse>;
}

let n = 0;

/** Creates a user with PASSWORD and returns its user name. */
export async function addUser(app: AppContext, role: Role, over: { orgId?: string; memberId?: string; username?: string } = {}): Promise<string> {
  const username = over.username ?? `u${++n}_${role}`;
  await createUser(app, SYSTEM_ACTOR, { username, password: PASSWORD, role, orgRef: over.orgId, memberId: over.memberId });
  return username;
}

/** Logs in through POST /api/auth/login; throws when the answer is not 200. */
export async function login(server: FastifyInstance, username: string, password = PASSWORD, remoteAddress = '127.0.0.1'): Promise<Client> {
  const r = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
  const set = r.cookies.find((c) => c.name === 'zhibu_session');
  if (!set) throw new Error('no session cookie');
  const cookie = `zhibu_session=${set.value}`;
  const csrf = r.json().csrfToken as string;
  return {
    cookie,
    csrf,
    send: (opts) => {
      const { csrf: c, headers, ...rest } = opts;
      const h: Record<string, string> = { ...(headers as Record<string, string> | undefined), cookie };
      if (c !== false) h['x-csrf-token'] = typeof c === 'string' ? c : csrf;
      return server.inject({ ...rest, headers: h } as InjectOptions);
    },
  };
}
