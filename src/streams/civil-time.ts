/**
 * Civil (wall-clock) time as plain numbers: seconds since 1970-01-01 00:00:00 on the city's own
 * clock, with no time zone attached. Historical calls are replayed on the wall clock because
 * rosters are written in local time ("07:00 to 17:00"): a DST day still has 1,440 simulation
 * minutes, so shifts stay aligned with the calls all year.
 *
 * Day arithmetic is Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar),
 * exact for every year, with no Date object and no allocation.
 */

/** Seconds in one civil day. */
export const SECONDS_PER_DAY = 86_400;

/** Days from 1970-01-01 to the given date (month 1-12, day 1-31); negative before 1970. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number from {@link daysFromCivil}. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week of a day number: 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** Number of days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a day number. */
export function formatCivilDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` (ISO-8601 local time, no offset) of civil seconds; fractions are dropped. */
export function formatCivilSeconds(seconds: number): string {
  const days = Math.floor(seconds / SECONDS_PER_DAY);
  const ofDay = Math.floor(seconds - days * SECONDS_PER_DAY);
  return `${formatCivilDate(days)}T${pad2(Math.floor(ofDay / 3600))}:${pad2(Math.floor(ofDay / 60) % 60)}:${pad2(ofDay % 60)}`;
}

/** Short weekday names, Monday first, as used in messages. */
export const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
