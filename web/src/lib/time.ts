/**
 * Instants shown to users, always in China's time (Asia/Shanghai), whatever the browser's zone:
 * the server stores UTC, and a secretary abroad still works on the branch's calendar.
 */
const ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** `2026-11-29 22:07` for an ISO instant (or Date), in Asia/Shanghai; '' for a bad value. */
export function formatInstant(at: string | Date): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return '';
  const p = Object.fromEntries(dateTime.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
