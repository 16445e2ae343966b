/** Data hooks of account management. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, AccountInput } from '../../../../src/contract/accounts.ts';
import { api } from '../../lib/api.ts';

export function useAccounts() {
  return useQuery({ queryKey: ['accounts'], queryFn: () => api.get<Account[]>('/api/accounts') });
}

function useAccountMutation<T>(fn: (v: T) => Promise<Account>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => { void client.invalidateQueries({ queryKey: ['accounts'] }); } });
}

export const useCreateAccount = () => useAccountMutation((input: AccountInput) => api.post<Account>('/api/accounts', input));
export const useSetDisabled = () => useAccountMutation(({ id, disabled }: { id: string; disabled: boolean }) => api.put<Account>(`/api/accounts/${id}/disabled`, { disabled }));
export const useSetPassword = () => useAccountMutation(({ id, password }: { id: string; password: string }) => api.post<Account>(`/api/accounts/${id}/password`, { password }));
