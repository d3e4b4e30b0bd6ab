/** Converts a validated "HH:MM" time of day (00:00 to 24:00) to minutes after midnight. */
export function parseClock(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return hours * 60 + minutes;
}
