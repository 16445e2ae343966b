/** GET /api/development/cases for the current organization and the ones under it. */
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { CaseView } from './types.ts';

export function useCases(orgId: string) {
  return useQuery({ queryKey: ['development-cases', orgId], queryFn: async () => (await api.get<{ items: CaseView[] }>(`/api/development/cases${qs({ orgId })}`)).items });
}
