/** /api/accounts: account management for administrators. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAccount, listAccounts, setAccountDisabled, setAccountPassword } from '../../app/account-service.ts';
import type { AppContext } from '../../app/context.ts';
import { account, accountDisabled, accountInput, accountPassword } from '../../contract/accounts.ts';
import { uuid } from '../../contract/common.ts';
import { actorOf } from '../auth.ts';

export function accountRoutes(app: AppContext, now: () => Date = () => new Date()): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/accounts', {
      schema: { tags: ['accounts'], summary: '全部账号（系统管理员）', response: { 200: z.array(account) } },
    }, async (req) => listAccounts(app, actorOf(req)));

    f.post('/api/accounts', {
      schema: { tags: ['accounts'], summary: '创建账号（党委、支部管理员，党员账号）', body: accountInput, response: { 201: account } },
    }, async (req, reply) => reply.status(201).send(await createAccount(app, actorOf(req), req.body, now())));

    f.put('/api/accounts/:id/disabled', {
      schema: { tags: ['accounts'], summary: '停用或启用账号（停用时登录会话全部失效）', params: z.object({ id: uuid }), body: accountDisabled, response: { 200: account } },
    }, async (req) => setAccountDisabled(app, actorOf(req), req.params.id, req.body.disabled, now()));

    f.post('/api/accounts/:id/password', {
      schema: { tags: ['accounts'], summary: '重设账号密码（登录会话全部失效）', params: z.object({ id: uuid }), body: accountPassword, response: { 200: account } },
    }, async (req) => setAccountPassword(app, actorOf(req), req.params.id, req.body.password, now()));
  };
}
