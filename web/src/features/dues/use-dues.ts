/** GET /api/dues/ledger for the current organization and year. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { DuesLedger } from './types.ts';

export function useDuesLedger(orgId: string, year: number) {
  return useQuery({ queryKey: ['dues-ledger', orgId, year], queryFn: () => api.get<DuesLedger>(`/api/dues/ledger${qs({ orgId, year })}`), placeholderData: keepPreviousData });
}
