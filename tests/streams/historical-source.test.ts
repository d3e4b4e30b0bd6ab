import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStream } from "../../src/random/streams.js";
import { emptyArrival, type CallArrival } from "../../src/streams/call-source.js";
import { CALL_TABLE_HEADER } from "../../src/streams/call-table.js";
import { scanCallTable } from "../../src/streams/call-table-scan.js";
import { daysFromCivil } from "../../src/streams/civil-time.js";
import { HistoricalCallSource, replayClock } from "../../src/streams/historical-source.js";

const folder = mkdtempSync(join(tmpdir(), "resim-history-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Sunday 1 January 2023, 00:00, in civil seconds. */
const SUNDAY = daysFromCivil(2023, 1, 1) * 86_400;
const MONDAY_BEFORE = daysFromCivil(2022, 12, 26) * 86_400;

function table(name: string, rows: string[]): string {
  const file = join(folder, name);
  writeFileSync(file, `${CALL_TABLE_HEADER}\n${rows.map((r) => `${r}\n`).join("")}`);
  return file;
}

const THREE_CALLS = [
  "2023-01-01T00:00:30,mental-health,2,export,1,0,1,,9,39,E1,521,5150,MENTAL CASE,2",
  "2023-01-01T06:00:00,other,3,export,0,0,,,,,E2,,459A,BURGLARY ALARM,3",
  "2023-01-02T00:00:00,violent,1,export,0,1,,,,,E3,,245,ADW,4",
];
const CATEGORIES = ["violent", "other", "mental-health"];

function drain(source: HistoricalCallSource): CallArrival[] {
  const calls: CallArrival[] = [];
  for (let out = emptyArrival(); source.next(out); out = emptyArrival()) calls.push(out);
  return calls;
}

const source = (file: string, extra: Partial<ConstructorParameters<typeof HistoricalCallSource>[0]> = {}) =>
  new HistoricalCallSource({ file, timeZeroSec: MONDAY_BEFORE, endMin: Infinity, categories: CATEGORIES, observedOnScene: false, seeds: createStream(1, 0, "call-seeds"), ...extra });

describe("replayClock", () => {
  it("puts minute 0 at 00:00 of the Monday on or before the first call and counts the days to the last", () => {
    expect(replayClock(SUNDAY + 30, SUNDAY + 86_400)).toEqual({ timeZeroSec: MONDAY_BEFORE, firstCallDay: 6, spanDays: 8 });
    expect(replayClock(MONDAY_BEFORE, MONDAY_BEFORE).firstCallDay).toBe(0);
  });
});

describe("HistoricalCallSource", () => {
  it("feeds the table's calls one at a time, at their received times in simulation minutes", () => {
    const calls = drain(source(table("three.csv", THREE_CALLS)));
    expect(calls.map((c) => c.timeMin)).toEqual([6 * 1440 + 0.5, 6 * 1440 + 360, 7 * 1440]);
    expect(calls.map((c) => [c.category, c.priority, c.behavioralHealth, c.weapon])).toEqual([
      [2, 2, true, false],
      [1, 3, false, false],
      [0, 1, false, true],
    ]);
  });

  it("stops before the end of the measured window", () => {
    expect(drain(source(table("three.csv", THREE_CALLS), { endMin: 7 * 1440 })).length).toBe(2);
  });

  it("gives the same arrivals in every replication and different call seeds", () => {
    const file = table("three.csv", THREE_CALLS);
    const [a, b] = [0, 1].map((r) => drain(source(file, { seeds: createStream(1, r, "call-seeds") })));
    expect(a.map((c) => c.timeMin)).toEqual(b.map((c) => c.timeMin));
    expect(a.map((c) => c.seed)).not.toEqual(b.map((c) => c.seed));
  });

  it("hands over the observed time on scene (cleared - arrived) only when asked", () => {
    const file = table("three.csv", THREE_CALLS);
    expect(drain(source(file, { observedOnScene: true })).map((c) => c.observedOnSceneMin)).toEqual([30, NaN, NaN]);
    expect(drain(source(file)).map((c) => c.observedOnSceneMin)).toEqual([NaN, NaN, NaN]);
  });

  it("reports a call out of received order with its table line", () => {
    const file = table("disorder.csv", [THREE_CALLS[1], THREE_CALLS[0]]);
    expect(() => drain(source(file))).toThrow(`${file}: line 3, column 'received': comes before the previous call: a call table must be in received order`);
  });

  it("reports a category the scenario does not have, with line and column", () => {
    const file = table("unknown.csv", [THREE_CALLS[0].replace("mental-health", "traffic")]);
    expect(() => drain(source(file))).toThrow(`${file}: line 2, column 'category': names 'traffic', which is not one of the scenario's categories (violent, other, mental-health)`);
  });

  it("refuses a file that is not a call table, quoting its header", () => {
    const file = join(folder, "export.csv");
    writeFileSync(file, "incident_num,date_time\nE1,2023-01-01 00:00:00\n");
    expect(() => source(file)).toThrow(`${file}: line 1: expected a call table written by 'resim import'`);
  });
});

describe("scanCallTable", () => {
  it("counts calls, categories with their first line, priorities and observed times, without keeping the calls", () => {
    const scan = scanCallTable(table("scan.csv", THREE_CALLS));
    expect(scan).toMatchObject({ calls: 3, firstReceivedSec: SUNDAY + 30, lastReceivedSec: SUNDAY + 86_400, maxPriority: 3, arrivedCalls: 1, onSceneCalls: 1, exportPriorityCalls: 3 });
    expect([...scan.categories].map(([name, t]) => [name, t.firstLine, t.calls])).toEqual([["mental-health", 2, 1], ["other", 3, 1], ["violent", 4, 1]]);
    expect(scan.hourOfWeekCalls.reduce((a, b) => a + b, 0)).toBe(3);
    expect(scan.hourOfWeekCalls[6 * 24 + 6]).toBe(1);
  });

  it("checks that a call is not cleared before it was reached", () => {
    const file = table("cleared.csv", [THREE_CALLS[0].replace(",9,39,", ",9,5,")]);
    expect(() => scanCallTable(file)).toThrow(`${file}: line 2, column 'cleared_min': must be >= arrived_min (9), got 5`);
  });
});

describe("HistoricalCallSource with geography", () => {
  it("places a call in the scenario zone named by its beat, and leaves other beats to be drawn", () => {
    const calls = drain(source(table("zones.csv", THREE_CALLS), { zones: ["999", "521"] }));
    expect(calls.map((c) => c.zone)).toEqual([1, -1, -1]);
    expect(drain(source(table("no-zones.csv", THREE_CALLS))).map((c) => c.zone)).toEqual([-1, -1, -1]);
  });
});
