/** The report's sweep reader takes sweep.csv files of this version and of older ones. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSweep, SWEEP_DIFFERENCE_COLUMNS, SWEEP_HEADER } from "../../src/report/sweep-csv.js";

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "resim-sweep-csv-"));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const expected = {
  status: "charted",
  parameter: "models.x.uptake",
  curves: [{ metric: "fallbackRate", rows: [{ x: 0.5, model: "outreach", mean: 0.1, ciLow: 0.05, ciHigh: 0.15 }, { x: 1, model: "outreach", mean: 0.2, ciLow: 0.1, ciHigh: 0.3 }] }],
};

describe("readSweep", () => {
  it("reads an older sweep.csv that ends at the n column", () => {
    const folder = scratch();
    writeFileSync(join(folder, "sweep.csv"), [SWEEP_HEADER.join(","), "0,models.x.uptake,0.5,outreach,fallbackRate,0.1,0.05,0.15,3", "1,models.x.uptake,1,outreach,fallbackRate,0.2,0.1,0.3,3", ""].join("\n"));
    expect(readSweep(folder)).toEqual(expected);
  });

  it("reads a sweep.csv with the unit and paired-difference columns, drawing the same curves", () => {
    const folder = scratch();
    writeFileSync(
      join(folder, "sweep.csv"),
      [
        [...SWEEP_HEADER, ...SWEEP_DIFFERENCE_COLUMNS].join(","),
        "0,models.x.uptake,0.5,outreach,fallbackRate,0.1,0.05,0.15,3,share,0,0,0,0,0.1,0.05,0.15",
        "1,models.x.uptake,1,outreach,fallbackRate,0.2,0.1,0.3,3,share,0,0.1,0.02,0.18,0.2,0.1,0.3",
        "",
      ].join("\n"),
    );
    expect(readSweep(folder)).toEqual(expected);
  });

  it("still skips, with the header it expected, a file with other columns", () => {
    const folder = scratch();
    writeFileSync(join(folder, "sweep.csv"), [[...SWEEP_HEADER, "unit"].join(","), "0,models.x.uptake,0.5,outreach,fallbackRate,0.1,0.05,0.15,3,share", ""].join("\n"));
    expect(readSweep(folder)).toMatchObject({ status: "skipped", reason: expect.stringContaining(`does not start with the header '${SWEEP_HEADER.join(",")}'`) });
  });
});
