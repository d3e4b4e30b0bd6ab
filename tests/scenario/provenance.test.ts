/** Input digests for provenance: a replayed call table is digested, read as a regular file only. */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LoadedScenario } from "../../src/scenario/load.js";
import { scenarioInputs, scenarioProvenance } from "../../src/scenario/provenance.js";

const folder = mkdtempSync(join(tmpdir(), "resim-provenance-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const replaying = (table: string) => ({ file: join(folder, "replay.yaml"), input: { demand: { historical: { file: table } } } }) as unknown as Pick<LoadedScenario, "file" | "input">;

describe("scenario inputs", () => {
  writeFileSync(join(folder, "replay.yaml"), "name: replay\n");
  writeFileSync(join(folder, "calls.csv"), "received_min,category\n0,other\n");

  it("digests a replayed call table, named as the scenario writes it", () => {
    expect(scenarioInputs(replaying("calls.csv"))).toEqual([
      { role: "scenario", file: "replay.yaml", sha256: sha("name: replay\n") },
      { role: "call table", file: "calls.csv", sha256: sha("received_min,category\n0,other\n") },
    ]);
  });

  it("changes the scenario digest when the call table changes, and not when nothing does", () => {
    const before = scenarioProvenance(replaying("calls.csv")).scenarioDigest;
    expect(scenarioProvenance(replaying("calls.csv")).scenarioDigest).toBe(before);
    writeFileSync(join(folder, "calls.csv"), "received_min,category\n1,other\n");
    expect(scenarioProvenance(replaying("calls.csv")).scenarioDigest).not.toBe(before);
  });

  it("refuses a call table that is a device rather than reading it forever", () => {
    symlinkSync("/dev/zero", join(folder, "zero.csv"));
    expect(() => scenarioInputs(replaying("zero.csv"))).toThrow(/zero\.csv: cannot be read: it is a character device, expected a call table/);
  });
});
