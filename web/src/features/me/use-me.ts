/** A member's own records: GET /api/me/*, and the sign-in of a running meeting. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { ActivityListItem, MyAttendanceRow, MyStudyHours, SignInResult } from '../../lib/types.ts';

export function useMyAttendance(year: number) {
  return useQuery({ queryKey: ['me', 'attendance', year], queryFn: () => api.get<MyAttendanceRow[]>(`/api/me/attendance${qs({ year })}`) });
}

export function useMyStudyHours(year: number) {
  return useQuery({ queryKey: ['me', 'study-hours', year], queryFn: () => api.get<MyStudyHours>(`/api/me/study-hours${qs({ year })}`) });
}

export function useMyUpcoming() {
  return useQuery({ queryKey: ['me', 'upcoming'], queryFn: () => api.get<ActivityListItem[]>('/api/me/upcoming') });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post<SignInResult>('/api/sign-in', { token }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['me'] }),
  });
}
