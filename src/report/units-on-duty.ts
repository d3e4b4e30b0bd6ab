/**
 * Units on duty by hour of day, from the rosters: what the utilization-by-hour chart needs to tell
 * a rostered hour from one with nobody scheduled. (In an unrostered hour the only on-duty time is a
 * unit finishing a call past its shift end, which is busy by definition: its utilization reads
 * 100% and would be mistaken for overload.)
 */
import { MINUTES_PER_DAY, MINUTES_PER_WEEK } from "../system/roster.js";
import type { ScenarioConfig } from "../system/config.js";

/**
 * For each model of `modelIndices` and each unit type it staffs: the mean number of units on duty
 * in each clock hour (24 entries, hour 0 = 00:00-01:00), averaged over the 7 days of the week and
 * the hour's 60 minutes, rounded to 4 decimals so files stay stable.
 */
export function unitsOnDutyByHour(config: ScenarioConfig, modelIndices: readonly number[]): Record<string, Record<string, number[]>> {
  const out: Record<string, Record<string, number[]>> = {};
  for (const m of modelIndices) {
    const model = config.models[m];
    const byType: Record<string, number[]> = {};
    model.rosters.forEach((roster, t) => {
      if (roster === null) return;
      const unitMinutes = new Array<number>(24).fill(0);
      roster.changeMinutes.forEach((start, i) => {
        const end = i + 1 < roster.changeMinutes.length ? roster.changeMinutes[i + 1] : MINUTES_PER_WEEK;
        // Walk the segment hour by hour: segments start and end on any minute.
        for (let minute = start; minute < end; ) {
          const hourEnd = Math.min(end, (Math.floor(minute / 60) + 1) * 60);
          unitMinutes[Math.floor((minute % MINUTES_PER_DAY) / 60)] += roster.units[i] * (hourEnd - minute);
          minute = hourEnd;
        }
      });
      byType[config.unitTypes[t].name] = unitMinutes.map((total) => Number((total / (7 * 60)).toFixed(4)));
    });
    out[model.name] = byType;
  }
  return out;
}
