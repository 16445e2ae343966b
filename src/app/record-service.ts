/**
 * Short descriptions of the records behind a number in the summary (the number popover):
 * activities, members, development events and cases, organizations. Records outside the actor's scope
 * are left out, as if they did not exist.
 */
import { ACTIVITY_KINDS } from '../domain/activity/activity.ts';
import { DEVELOPMENT_STEPS } from '../domain/development/development.ts';
import type { RecordType, SourceRef } from '../domain/stats/facts.ts';
import { getActivity } from '../db/queries/activity-queries.ts';
import { getMember } from '../db/queries/member-queries.ts';
import { listOrganizations } from '../db/queries/org-queries.ts';
import { developmentEventsByIds } from '../db/queries/record-lookup-queries.ts';
import { getDevelopmentCase } from '../db/queries/development-queries.ts';
import { assertRole, MANAGERS, orgInScope, type Actor } from './access.ts';
import type { AppContext } from './context.ts';

/** One record as the popover lists it; `url` is the web page of the record, when it has one. */
export interface RecordSummary {
  type: RecordType;
  id: string;
  label: string;
  date?: string;
  url: string | null;
}

/** Describes the records (at most 200), in the order asked, skipping unknown or out-of-scope ones. */
export async function describeRecords(app: AppContext, actor: Actor, refs: readonly SourceRef[]): Promise<RecordSummary[]> {
  assertRole(actor, MANAGERS);
  const db = app.database.db;
  const orgs = new Map((await listOrganizations(db)).map((o) => [o.id, o]));
  const visible = (orgId: string) => { const o = orgs.get(orgId); return o !== undefined && orgInScope(actor, o); };
  const events = new Map((await developmentEventsByIds(db, refs.filter((r) => r.type === 'developmentEvent').map((r) => r.id))).map((e) => [e.id, e]));
  const out: RecordSummary[] = [];
  for (const ref of refs.slice(0, 200)) {
    switch (ref.type) {
      case 'activity': {
        const a = await getActivity(db, ref.id);
        if (a && visible(a.orgId)) out.push({ type: 'activity', id: a.id, label: `${ACTIVITY_KINDS[a.kind]}：${a.title}`, date: a.date, url: `/activities/${a.id}` });
        break;
      }
      case 'member': {
        const m = await getMember(db, ref.id);
        if (m && visible(m.orgId)) out.push({ type: 'member', id: m.id, label: m.name, url: `/members/${m.id}` });
        break;
      }
      case 'developmentEvent': {
        const e = events.get(ref.id);
        if (e && visible(e.orgId)) out.push({ type: 'developmentEvent', id: e.id, label: `${DEVELOPMENT_STEPS[e.step]}：${e.personName}`, date: e.date, url: e.memberId ? `/members/${e.memberId}` : null });
        break;
      }
      case 'developmentCase': {
        const c = await getDevelopmentCase(db, ref.id);
        if (c && visible(c.orgId)) out.push({ type: 'developmentCase', id: c.id, label: `发展党员：${c.personName}`, url: c.memberId ? `/members/${c.memberId}` : null });
        break;
      }
      case 'organization': {
        const o = orgs.get(ref.id);
        if (o && visible(o.id)) out.push({ type: 'organization', id: o.id, label: o.name, url: `/orgs/${o.id}` });
        break;
      }
    }
  }
  return out;
}
