/** The current scope: the organization chosen in the tree, shared by every page of the shell. */
import { createContext, useContext } from 'react';
import type { Org } from '../lib/types.ts';

export interface Scope {
  org: Org;
  orgs: Org[];
  setOrgId(id: string): void;
}

export const ScopeContext = createContext<Scope | null>(null);

/** The current organization; only valid inside the shell. */
export function useScope(): Scope {
  const s = useContext(ScopeContext);
  if (!s) throw new Error('useScope outside the shell');
  return s;
}

export const SCOPE_STORAGE_KEY = 'zhibu.scope';
