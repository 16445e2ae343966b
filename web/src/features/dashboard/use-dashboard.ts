/** GET /api/dashboard for the current organization and year. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Dashboard } from '../../lib/types.ts';

export function useDashboard(orgId: string, year: number) {
  return useQuery({ queryKey: ['dashboard', orgId, year], queryFn: () => api.get<Dashboard>(`/api/dashboard${qs({ orgId, year })}`), placeholderData: keepPreviousData });
}
