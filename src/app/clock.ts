/** Dates in China: the application and its adapters own the clock; the domain is given `today`. */

/** China's local date for `now`, `YYYY-MM-DD`. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** China's local time of day for `now`, `HH:MM`. */
export function timeInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}
