/** Data hooks of record history and the recycle bin. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HistoryRecordType, RecordChange, RecycleBinItem } from '../../../../src/contract/history.ts';
import { api, qs } from '../../lib/api.ts';

export function useHistory(type: HistoryRecordType, id: string | undefined, enabled = true) {
  return useQuery({ queryKey: ['history', type, id], queryFn: () => api.get<RecordChange[]>(`/api/history${qs({ type, id })}`), enabled: !!id && enabled });
}

export function useRecycleBin(orgId: string) {
  return useQuery({ queryKey: ['recycle-bin', orgId], queryFn: () => api.get<RecycleBinItem[]>(`/api/recycle-bin${qs({ orgId })}`) });
}

/** Restores a deleted record; every list it may appear in is refreshed. */
export function useRestore() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ recordType: string; recordId: string; url: string }>(`/api/recycle-bin/${id}/restore`),
    onSuccess: () => {
      for (const key of ['recycle-bin', 'activities', 'dashboard', 'summary', 'summaries', 'history', 'activity']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
}
