/** GET /api/compliance for the current organization and year. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Compliance } from './types.ts';

export function useCompliance(orgId: string, year: number) {
  return useQuery({ queryKey: ['compliance', orgId, year], queryFn: () => api.get<Compliance>(`/api/compliance${qs({ orgId, year })}`), placeholderData: keepPreviousData });
}
