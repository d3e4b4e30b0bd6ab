/**
 * A replication's figures by zone (scenarios with `geography`): each zone's calls and response
 * times, attributed to the incident's zone, and the busy and on-duty time of the units based
 * there (a unit's pool slot is its zone index). Names as in metrics/definitions.
 */
import type { CallRecord } from "./call-record.js";
import { ZONE_RESPONSE_GROUPS } from "./definitions.js";
import { QuantileSketch } from "./quantile-sketch.js";

/** Unit time of one unit type by pool slot (zone index; the last slot holds units with no zone). */
export interface SlotTime {
  name: string;
  busyMinutesBySlot: ArrayLike<number>;
  staffedMinutesBySlot: ArrayLike<number>;
}

export class ZoneRecorder {
  private readonly calls: number[];
  /** By zone, one sketch per ZONE_RESPONSE_GROUPS entry: all, arrived as priority 1, behavioral health. */
  private readonly response: QuantileSketch[][];

  constructor(private readonly zones: readonly string[]) {
    this.calls = new Array<number>(zones.length).fill(0);
    this.response = zones.map(() => ZONE_RESPONSE_GROUPS.map(() => new QuantileSketch()));
  }

  /** Adds one measured call to its incident's zone (calls with no zone are left out). */
  record(call: CallRecord): void {
    const zone = call.zone;
    if (zone < 0 || zone >= this.zones.length) return;
    this.calls[zone]++;
    if (Number.isNaN(call.onSceneMin)) return;
    const response = call.onSceneMin - call.arrivalMin;
    const sketches = this.response[zone];
    // The bucket is found once for the three sketches.
    const bucket = sketches[0].add(response);
    if (call.arrivalPriority === 1) sketches[1].addInBucket(response, bucket);
    if (call.behavioralHealth) sketches[2].addInBucket(response, bucket);
  }

  /** Sets every zone's metric values. */
  finish(set: (name: string, value: number | null) => void, unitTimes: readonly SlotTime[]): void {
    this.zones.forEach((zone, z) => {
      const prefix = `zone.${zone}`;
      set(`${prefix}.calls`, this.calls[z]);
      ZONE_RESPONSE_GROUPS.forEach(({ suffix }, g) => {
        const sketch = this.response[z][g];
        set(`${prefix}.responseMin.mean${suffix}`, sketch.mean);
        set(`${prefix}.responseMin.p90${suffix}`, sketch.quantile(0.9));
      });
      for (const t of unitTimes) {
        const busy = t.busyMinutesBySlot[z] ?? 0;
        const staffed = t.staffedMinutesBySlot[z] ?? 0;
        set(`${prefix}.busyHours.${t.name}`, busy / 60);
        set(`${prefix}.utilization.${t.name}`, staffed > 0 ? busy / staffed : null);
      }
    });
  }
}
