/** Organizations visible to the caller (GET /api/orgs, scoped by the server). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Org } from '../../lib/types.ts';

export function useOrgs() {
  return useQuery({ queryKey: ['orgs'], queryFn: async () => (await api.get<{ items: Org[] }>('/api/orgs')).items, staleTime: 5 * 60_000 });
}
