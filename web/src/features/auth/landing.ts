/** Where a user goes after logging in. */
import type { Role } from '../../lib/types.ts';

/**
 * The page to open after login: `next` when it is a local path the role may open (never another
 * site: an open redirect would let a phishing link bounce through the login form), else the
 * role's home (a member's own pages, or the dashboard).
 */
export function landingPath(role: Role, next: string | null): string {
  const home = role === 'member' ? '/me/upcoming' : '/dashboard';
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return home;
  const path = next.split(/[?#]/)[0]!;
  if (role === 'member' && !(path === '/me' || path.startsWith('/me/') || path === '/sign-in')) return home;
  return next;
}
