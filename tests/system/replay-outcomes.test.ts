/**
 * A replayed call table's observed outcome (`cancelled`, with its clearing time) and unit count
 * (`units`) drive the simulation when the scenario asks for them (`cancellations`,
 * `unitsPerCall`), end to end from the table file through the historical source.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import type { CallRecord } from "../../src/metrics/call-record.js";
import { validateScenario } from "../../src/scenario/load.js";
import { CALL_TABLE_HEADER, emptyCallTableRow, type CallTableRow } from "../../src/streams/call-table.js";
import { formatCallTableRow } from "../../src/streams/call-table-writer.js";
import { tinyScenario } from "../helpers/tiny-world.js";

/** A call table with three calls on Sunday 1 Jan 2023 (day 6 after time zero, Monday 26 Dec 2022). */
function table(): string {
  const base = Date.UTC(2023, 0, 1, 10, 0, 0) / 1000;
  const row = (minute: number, over: Partial<CallTableRow>) => formatCallTableRow({ ...emptyCallTableRow(), receivedSec: base + minute * 60, category: "other", priority: 2, line: minute + 2, id: `C${minute}`, ...over });
  const lines = [
    // 0: observed cancelled, cleared 3 minutes after received (the unit is still on its way then).
    row(0, { cancelled: true, clearedMin: 3 }),
    // 1: observed not cancelled, three units.
    row(1, { cancelled: false, units: 3 }),
    // 2: nothing observed: the scenario's share (0) and rules (none match: one unit).
    row(2, {}),
  ];
  const file = join(mkdtempSync(join(tmpdir(), "resim-replay-outcomes-")), "calls.csv");
  writeFileSync(file, `${CALL_TABLE_HEADER}\n${lines.join("\n")}\n`);
  return file;
}

function replay(extra: Record<string, unknown>): CallRecord[] {
  const file = table();
  const scenario: any = tinyScenario({ run: { horizonDays: 1, warmupDays: 6, seed: 1, replications: 1 }, ...extra });
  scenario.demand = { historical: { file }, categories: { other: {} } };
  scenario.unitTypes.patrol.travelMin = { dist: "fixed", value: 5 };
  scenario.models["police-only"].staffing.patrol = [{ from: "00:00", to: "24:00", units: 4 }];
  const { config } = validateScenario(scenario, join(file, "..", "city.yaml"));
  const ended: CallRecord[] = [];
  runReplication({ scenario: config, modelIndex: 0, replication: 0, onCallEnd: (c) => ended.push(c) });
  return ended.sort((a, b) => a.id - b.id);
}

describe("a replay's observed outcomes", () => {
  it("cancel a call at its observed clearing time and send a call its observed number of units", () => {
    const ended = replay({ cancellations: { afterMin: { default: { dist: "fixed", value: 50 } } }, unitsPerCall: [] });
    expect(ended.map((c) => [c.id, c.cancelled, c.endMin - c.arrivalMin, c.unitsAssigned])).toEqual([
      [0, true, 3, 1],
      [1, false, 15, 3],
      // Four units: call 1 holds three, so call 2 (at minute 2) waits for the unit freed by call 0's cancellation at 3.
      [2, false, 16, 1],
    ]);
  });

  it("are left alone without the scenario keys: no call cancelled, one unit each", () => {
    const ended = replay({});
    expect(ended.map((c) => [c.id, c.cancelled, c.unitsAssigned])).toEqual([[0, false, 1], [1, false, 1], [2, false, 1]]);
  });
});
