/**
 * Development milestones for statistics from both sources: the cases (the pipeline, source of
 * truth) and the stored development events (records entered before cases existed). Pure.
 */
import type { DevelopmentEvent } from '../development/development.ts';
import { caseEvents, type DevelopmentCase } from './development.ts';

/**
 * The cases' events plus the stored events no case already yields. A case's event takes
 * precedence for the same person and step: same member (when both name one) or, failing that,
 * same organization and person name. Order: by date.
 */
export function mergeDevelopmentEvents(cases: readonly DevelopmentCase[], stored: readonly DevelopmentEvent[]): DevelopmentEvent[] {
  const fromCases = cases.flatMap(caseEvents);
  const byMember = new Set<string>();
  const byName = new Set<string>();
  for (const e of fromCases) {
    if (e.memberId) byMember.add(`${e.memberId}|${e.step}`);
    byName.add(`${e.orgId}|${e.personName}|${e.step}`);
  }
  const rest = stored.filter((e) => !(e.memberId && byMember.has(`${e.memberId}|${e.step}`)) && !byName.has(`${e.orgId}|${e.personName}|${e.step}`));
  return [...fromCases, ...rest].sort((a, b) => a.date.localeCompare(b.date));
}
