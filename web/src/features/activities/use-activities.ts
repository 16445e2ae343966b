/** Data hooks of the activities feature. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { ActivityUpdate } from '../../../../src/contract/activities.ts';
import type { Activity, ActivityInput, ActivityListItem, SignInList, SignInTicket } from '../../lib/types.ts';

export interface ActivityQuery {
  kind?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  title?: string | undefined;
  sort?: 'date' | 'title' | 'studyHours' | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number;
  offset?: number;
}

export function useActivities(orgId: string, q: ActivityQuery) {
  return useQuery({
    queryKey: ['activities', orgId, q],
    queryFn: () => api.get<{ total: number; items: ActivityListItem[] }>(`/api/activities${qs({ orgId, ...q })}`),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({ queryKey: ['activity', id], queryFn: () => api.get<Activity>(`/api/activities/${id}`), enabled: !!id });
}

/** Records an activity; the lists, dashboard and summaries built on them are refreshed. */
export function useRecordActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) => api.post<Activity>('/api/activities', input),
    onSuccess: (a) => {
      client.setQueryData(['activity', a.id], a);
      for (const key of ['activities', 'dashboard', 'summary', 'summaries']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** Saves an edited activity (the whole record); the record's history is refreshed with it. */
export function useUpdateActivity(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityUpdate) => api.put<Activity>(`/api/activities/${id}`, input),
    onSuccess: (a) => {
      client.setQueryData(['activity', a.id], a);
      for (const key of ['activities', 'dashboard', 'summary', 'summaries', 'history']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
}

export function useDeleteActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/activities/${id}`),
    onSuccess: () => {
      for (const key of ['activities', 'dashboard', 'summary', 'summaries', 'recycle-bin']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** A new sign-in QR code for a meeting, valid in its window (by default 1 h before to 3 h after the start). */
export function useSignInTicket() {
  return useMutation({
    mutationFn: ({ activityId, startTime }: { activityId: string; startTime?: string | undefined }) =>
      api.post<SignInTicket>(`/api/activities/${activityId}/sign-in`, startTime ? { startTime } : {}),
  });
}

/** Who signed in, polled every 5 seconds while the sign-in panel is open. */
export function useSignIns(activityId: string) {
  return useQuery({ queryKey: ['sign-ins', activityId], queryFn: () => api.get<SignInList>(`/api/activities/${activityId}/sign-ins`), refetchInterval: 5000 });
}

/** The secretary confirms or rejects a pending scan. */
export function useDecideSignIn(activityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ scanId, confirm }: { scanId: string; confirm: boolean }) =>
      api.post<SignInList>(`/api/activities/${activityId}/sign-ins/${scanId}/${confirm ? 'confirm' : 'reject'}`),
    onSuccess: (list) => {
      client.setQueryData(['sign-ins', activityId], list);
      for (const key of ['activity', 'activities', 'dashboard', 'summary']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
}
