/** The logged-in user (GET /api/auth/me), login and logout. */
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../lib/api.ts';
import type { SessionUser } from '../../lib/types.ts';

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

const key = ['session'] as const;

/** The session, or `null` when not logged in (401). */
export function useSession() {
  const client = useQueryClient();
  useEffect(() => {
    // Any 401 (an expired session) drops the cached user, which sends the page to the login form.
    const onUnauthorized = () => client.setQueryData(key, null);
    window.addEventListener('zhibu:unauthorized', onUnauthorized);
    return () => window.removeEventListener('zhibu:unauthorized', onUnauthorized);
  }, [client]);
  return useQuery({
    queryKey: key,
    staleTime: Infinity,
    queryFn: async (): Promise<Session | null> => {
      try {
        const s = await api.get<Session>('/api/auth/me');
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Session>('/api/auth/login', input),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      client.clear();
      client.setQueryData(key, s);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<null>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(key, null);
    },
  });
}

/** Whether the first administrator still has to be created (GET /api/setup). */
export function useSetupNeeded() {
  return useQuery({ queryKey: ['setup'], queryFn: () => api.get<{ needed: boolean }>('/api/setup'), staleTime: 60_000 });
}

/** First run: creates the first administrator with the one-time token and logs them in. */
export function useSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; username: string; password: string; displayName?: string }) => api.post<Session>('/api/setup', input),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      client.clear();
      client.setQueryData(key, s);
    },
  });
}
