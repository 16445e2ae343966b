/** Data hooks of the members feature. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { ImportPreview, MemberItem } from '../../lib/types.ts';
import type { MemberEdit } from './members-view.ts';

export interface MemberFilter {
  search?: string;
  category?: string;
  status?: string;
  subgroupId?: string;
}

export function useMembers(orgId: string, filter: MemberFilter) {
  return useQuery({
    queryKey: ['members', orgId, filter],
    queryFn: async () => (await api.get<{ items: MemberItem[] }>(`/api/members${qs({ orgId, ...filter })}`)).items,
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string | undefined) {
  return useQuery({ queryKey: ['member', id], queryFn: () => api.get<MemberItem>(`/api/members/${id}`), enabled: !!id });
}

export function useUpdateMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<MemberEdit> }) => api.put<MemberItem>(`/api/members/${id}`, patch),
    onSuccess: (m) => {
      client.setQueryData(['member', m.id], m);
      void client.invalidateQueries({ queryKey: ['members'] });
    },
  });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function useImportPreview() {
  return useMutation({
    mutationFn: ({ orgId, file }: { orgId: string; file: Blob }) => api.upload<ImportPreview>(`/api/members/import/preview${qs({ orgId })}`, file, XLSX),
  });
}

export function useImportMembers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, file }: { orgId: string; file: Blob }) => api.upload<{ count: number }>(`/api/members/import${qs({ orgId })}`, file, XLSX),
    onSuccess: () => client.invalidateQueries({ queryKey: ['members'] }),
  });
}
