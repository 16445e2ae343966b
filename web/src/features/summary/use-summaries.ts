/** Data hooks of the summary feature (saved drafts with the user's edits). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { RecordRef, Summary, SummaryListItem } from '../../lib/types.ts';
import { summaryRequest, type PeriodChoice } from './summary-view.ts';

export function useSummaries(orgId: string) {
  return useQuery({ queryKey: ['summaries', orgId], queryFn: () => api.get<SummaryListItem[]>(`/api/summaries${qs({ orgId })}`) });
}

export function useSummary(id: string | undefined) {
  return useQuery({ queryKey: ['summary', id], queryFn: () => api.get<Summary>(`/api/summaries/${id}`), enabled: !!id });
}

export function useCreateSummary() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, choice }: { orgId: string; choice: PeriodChoice }) => api.post<Summary>('/api/summaries', summaryRequest(orgId, choice)),
    onSuccess: (s) => {
      client.setQueryData(['summary', s.id], s);
      void client.invalidateQueries({ queryKey: ['summaries'] });
    },
  });
}

/** Saves a paragraph's text segments (`null` reverts it to the generated text). */
export function useEditParagraph(summaryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ paragraphId, texts }: { paragraphId: string; texts: string[] | null }) =>
      api.put<Summary>(`/api/summaries/${summaryId}/paragraphs/${encodeURIComponent(paragraphId)}`, { texts }),
    onSuccess: (s) => client.setQueryData(['summary', s.id], s),
  });
}

export function useRegenerate(summaryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Summary>(`/api/summaries/${summaryId}/regenerate`),
    onSuccess: (s) => client.setQueryData(['summary', s.id], s),
  });
}

/** Short descriptions of the records behind a number (for its popover), fetched when opened. */
export function useRecords(ids: string, enabled: boolean) {
  return useQuery({ queryKey: ['records', ids], queryFn: () => api.get<RecordRef[]>(`/api/records${qs({ ids })}`), enabled: enabled && ids.length > 0, staleTime: 60_000 });
}
