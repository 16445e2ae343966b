/** Pure shaping of GET /api/dashboard for the charts and tables. */
import { ACTIVITY_KINDS, ACTIVITY_KIND_LIST, type ActivityKind } from '../../../../src/domain/activity/activity.ts';
import type { Dashboard } from '../../lib/types.ts';

export const MONTH_LABELS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/**
 * One stacked-bar series per kind that occurred in the year (in ACTIVITY_KINDS order), each with
 * twelve monthly counts; kinds never held are left out so the legend stays short.
 */
export function monthlySeries(monthly: Dashboard['monthly']): { kind: ActivityKind; name: string; data: number[] }[] {
  const byKind = new Map<ActivityKind, number[]>();
  for (const m of monthly) {
    if (m.month < 1 || m.month > 12 || m.count <= 0) continue;
    const row = byKind.get(m.kind) ?? Array<number>(12).fill(0);
    row[m.month - 1] = (row[m.month - 1] ?? 0) + m.count;
    byKind.set(m.kind, row);
  }
  return ACTIVITY_KIND_LIST.filter((k) => byKind.has(k)).map((k) => ({ kind: k, name: ACTIVITY_KINDS[k], data: byKind.get(k)! }));
}

/** Total activities of the year. */
export function activityTotal(monthly: Dashboard['monthly']): number {
  return monthly.reduce((n, m) => n + m.count, 0);
}

/** `93.5%`, or `—` when nothing was expected. */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${Number.isInteger(rate) ? rate : rate.toFixed(1)}%`;
}

/** `12.5`, or `—`. */
export function hoursText(h: number | null): string {
  return h === null ? '—' : String(Math.round(h * 10) / 10);
}

/** The development pipeline as labelled steps, in order (申请入党 → 转正). */
export function pipeline(d: Dashboard['development']): { key: keyof Dashboard['development']; label: string; count: number }[] {
  const labels: Record<keyof Dashboard['development'], string> = {
    applied: '递交入党申请', activist: '入党积极分子', candidate: '发展对象', admittedProbationary: '接收预备党员', becameFull: '预备党员转正',
  };
  return (Object.keys(labels) as (keyof typeof labels)[]).map((key) => ({ key, label: labels[key], count: d[key] }));
}
