/**
 * summary.csv and replications.csv end every row with the scenario, seed, resim version and the
 * metric's unit, so the files of several runs can be stacked (issue 13, item 6). Runs the built
 * CLI (dist/src/cli/main.js) on a tiny run.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RESIM_VERSION } from "../../src/version.js";
import { resim } from "../helpers/cli.js";

const scratchFolders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "resim-analyst-"));
  scratchFolders.push(folder);
  return folder;
};
afterAll(() => scratchFolders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

// Neither file quotes anything in this run: names and numbers hold no commas.
const table = (file: string) => {
  const [header, ...rows] = readFileSync(file, "utf8").trimEnd().split("\n");
  return { header: header.split(","), rows: rows.map((line) => line.split(",")) };
};

describe("analyst columns of summary.csv and replications.csv", () => {
  it("end every row with the scenario, seed, resim version and metric unit, the same whatever the number of workers", async () => {
    const [one, two] = [scratch(), scratch()];
    for (const [out, workers] of [[one, "1"], [two, "2"]]) {
      const run = await resim("run", "scenarios/validation/mmc.yaml", "--days", "2", "--replications", "3", "--seed", "5", "--workers", workers, "--quiet", "--out", out);
      expect(run.code).toBe(0);
    }
    const document = JSON.parse(readFileSync(join(one, "summary.json"), "utf8"));
    const unitOf = (metric: string): string => document.metrics[metric].unit;
    const expected = {
      "summary.csv": ["model", "comparison", "metric", "mean", "ci_low", "ci_high", "n"],
      "replications.csv": ["model", "replication", "metric", "value"],
    };
    for (const [file, before] of Object.entries(expected)) {
      expect(readFileSync(join(one, file))).toEqual(readFileSync(join(two, file)));
      const { header, rows } = table(join(one, file));
      // The old columns keep their places, so readers that go by position still work.
      expect(header).toEqual([...before, "scenario", "seed", "resim_version", "unit"]);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toHaveLength(header.length);
        expect(row.slice(before.length)).toEqual(["mmc", "5", RESIM_VERSION, unitOf(row[2])]);
      }
      const unitByMetric = new Map(rows.map((row) => [row[2], row.at(-1)]));
      expect(unitByMetric.get("calls")).toBe("calls");
      expect(unitByMetric.get("queueWaitMin.mean")).toBe("minutes");
      expect(unitByMetric.get("utilization.server")).toBe("share");
      expect(unitByMetric.get("cost.total")).toBe("currency");
    }
    // Three replications of one model, every metric once each.
    expect(table(join(one, "replications.csv")).rows).toHaveLength(3 * Object.keys(document.metrics).length);
  });
});
