/**
 * @module Business hours in the support team's time zone: is the desk open at this instant? Read with
 * Intl, so daylight-saving changes need no table of our own.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface BusinessHours {
  /** An IANA zone such as "Europe/Madrid". */
  timeZone: string;
  /** Opening spans; `to` after `from`, both "HH:MM" local time. */
  open: { days: Weekday[]; from: string; to: string }[];
}

export function isOpen(hours: BusinessHours | undefined, at: Date): boolean {
  if (!hours) return true;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: hours.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  const time = `${part('hour')}:${part('minute')}`;
  return hours.open.some((span) => span.days.includes(day) && time >= span.from && time < span.to);
}
