/** What `resim report` reads from a run's folder: summary.json (with exact messages) and sweep.csv. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSummaryDocument } from "../../src/report/read-summary.js";
import { ReportInputError } from "../../src/report/report-error.js";
import { readSweep, SWEEP_HEADER } from "../../src/report/sweep-csv.js";
import { fixtureDocument } from "./fixture.js";
import { scratchFolders } from "./scratch.js";

const scratch = scratchFolders("resim-report-");

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("readSummaryDocument", () => {
  it("reads a run's summary.json", () => {
    const folder = scratch();
    writeFileSync(join(folder, "summary.json"), JSON.stringify(fixtureDocument()));
    expect(readSummaryDocument(folder).scenario).toBe("fixture-city");
  });

  it("names the folder and what is missing when there is no summary.json", () => {
    const folder = scratch();
    const error = thrown(() => readSummaryDocument(folder));
    expect(error).toBeInstanceOf(ReportInputError);
    expect(error.message).toBe(`${folder} has no summary.json: a report is built from a run's results; run 'resim run SCENARIO --out ${folder}' first, or pass --report to resim run`);
  });

  it("says when the folder does not exist", () => {
    const folder = join(scratch(), "nope");
    expect(thrown(() => readSummaryDocument(folder)).message).toBe(`${folder}: no such folder (expected a run's output folder, such as reports/riverton)`);
  });

  it("names the file, the key, what was expected and what was found for a file that is not a run summary", () => {
    const folder = scratch();
    writeFileSync(join(folder, "summary.json"), JSON.stringify({ ...fixtureDocument(), replications: "ten" }));
    expect(thrown(() => readSummaryDocument(folder)).message).toBe(`${join(folder, "summary.json")} is not a resim run summary: 'replications' must be a number, got 'ten'`);
    writeFileSync(join(folder, "summary.json"), "{ not json");
    expect(thrown(() => readSummaryDocument(folder)).message).toMatch(/summary\.json is not valid JSON: /);
  });
});

describe("readSweep", () => {
  const row = (point: number, value: string, model: string, metric: string, mean: string) => `${point},models.x.uptake,${value},${model},${metric},${mean},${mean},${mean},3`;

  it("is absent when the folder has no sweep.csv", () => {
    expect(readSweep(scratch())).toEqual({ status: "absent" });
  });

  it("reads a one-parameter sweep, charting the key metrics it has and skipping empty means", () => {
    const folder = scratch();
    const lines = [
      SWEEP_HEADER.join(","),
      row(0, "0.5", "police-only", "calls", "100"),
      row(0, "0.5", "police-only", "fallbackRate", "0"),
      row(0, "0.5", "outreach", "fallbackRate", "0.1"),
      row(1, "1", "outreach", "fallbackRate", "0.2"),
      `1,models.x.uptake,1,outreach,noArrestEdHoldRate,,,,0`,
    ];
    writeFileSync(join(folder, "sweep.csv"), lines.join("\n") + "\n");
    expect(readSweep(folder)).toEqual({
      status: "charted",
      parameter: "models.x.uptake",
      curves: [
        {
          metric: "fallbackRate",
          rows: [
            { x: 0.5, model: "police-only", mean: 0, ciLow: 0, ciHigh: 0 },
            { x: 0.5, model: "outreach", mean: 0.1, ciLow: 0.1, ciHigh: 0.1 },
            { x: 1, model: "outreach", mean: 0.2, ciLow: 0.2, ciHigh: 0.2 },
          ],
        },
      ],
    });
  });

  it("skips, with a reason, a two-parameter sweep and a non-numeric swept value", () => {
    const folder = scratch();
    writeFileSync(join(folder, "sweep.csv"), "point,parameter,value,parameter2,value2,model,metric,mean,ci_low,ci_high,n\n");
    expect(readSweep(folder)).toEqual({ status: "skipped", reason: `${join(folder, "sweep.csv")} sweeps two parameters; the report draws one-parameter sweeps only (the numbers are in the file)` });
    writeFileSync(join(folder, "sweep.csv"), [SWEEP_HEADER.join(","), row(0, "\"[1,2]\"", "m", "calls", "1")].join("\n"));
    expect(readSweep(folder)).toEqual({ status: "skipped", reason: `${join(folder, "sweep.csv")} line 2: the swept value must be a number to draw a curve, got '[1,2]'` });
  });
});
