/** /api/me/*: the signed-in member's own attendance, study hours and upcoming meetings. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { myAttendance, myStudyHours, myUpcoming } from '../../app/me-service.ts';
import { actorOf } from '../auth.ts';
import { isoDate, uuid } from '../schemas.ts';

export function meRoutes(app: AppContext, today: () => string): FastifyPluginAsyncZod {
  const year = z.object({ year: z.coerce.number().int().min(1921).max(2200).optional() });
  const thisYear = () => Number(today().slice(0, 4));
  return async (f) => {
    f.get('/api/me/attendance', {
      schema: {
        tags: ['me'], summary: '我的出勤', querystring: year,
        response: { 200: z.array(z.object({ activityId: uuid, date: isoDate, kind: z.string(), kindLabel: z.string(), title: z.string(), status: z.enum(['present', 'excused', 'absent']), reason: z.string().nullable() })) },
      },
    }, async (req) => myAttendance(app, actorOf(req), req.query.year ?? thisYear()));

    f.get('/api/me/study-hours', {
      schema: {
        tags: ['me'], summary: '我的学时', querystring: year,
        response: { 200: z.object({ total: z.number(), required: z.number(), byMonth: z.array(z.object({ month: z.number().int(), hours: z.number() })) }) },
      },
    }, async (req) => myStudyHours(app, actorOf(req), req.query.year ?? thisYear()));

    f.get('/api/me/upcoming', {
      schema: {
        tags: ['me'], summary: '我的近期会议',
        response: { 200: z.array(z.object({ id: uuid, date: isoDate, kind: z.string(), kindLabel: z.string(), title: z.string(), location: z.string().nullable() })) },
      },
    }, async (req) => myUpcoming(app, actorOf(req), today()));
  };
}
