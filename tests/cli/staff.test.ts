/** `resim staff` end to end, through the compiled CLI: the exact search, the re-check, joint search, limits. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resim } from "../helpers/cli.js";

const scratchFolders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "resim-staff-"));
  scratchFolders.push(folder);
  return folder;
};
afterAll(() => scratchFolders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const outreach = ["staff", "scenarios/riverton.yaml", "--model", "centralized-outreach", "--unit", "outreach-team", "--target", "fallbackRate<=0.1", "--days", "7", "--replications", "3", "--workers", "1"];

describe("resim staff", () => {
  it("finds the cheapest roster, says why one unit fewer fails, re-checks it on fresh seeds and writes staffing.json", async () => {
    const out = scratch();
    const { code, stdout } = await resim(...outreach, "--max-units", "2", "--out", out);
    expect(code).toBe(0);
    expect(stdout).toContain("Cheapest roster of 'outreach-team' in 'centralized-outreach' meeting every target:");
    expect(stdout).toContain("Why not cheaper: every cheaper roster was simulated and failed");
    expect(stdout).toMatch(/Re-check on fresh seeds \(seed 20240522, 3 replications\): (still meets every target\.|does NOT meet every target)/);
    expect(stdout).toMatch(/\d+ rosters simulated, 3 replications of 7 days each\. \d+ more ruled out without simulating; 1 re-check\./);
    const document = JSON.parse(readFileSync(join(out, "staffing.json"), "utf8"));
    expect(document).toMatchObject({ status: "optimal", exact: true, unitTypes: ["outreach-team"], seed: 20240521, replications: 3, horizonDays: 7 });
    expect(document.blocks.map((b: { hoursPerDay: number }) => b.hoursPerDay)).toEqual([8, 8, 8, 12]);
    const units: number[] = document.best.units;
    expect(document.best.unitHoursPerDay).toBe(units[0] * 8 + units[1] * 8 + units[2] * 8 + units[3] * 12);
    expect(document.best.plannedCostPerDay).toBeCloseTo(document.best.unitHoursPerDay * 145, 6);
    expect(document.lowerBoundPerDay).toBe(document.best.plannedCostPerDay);
    expect(document.best.checks[0].ci95[1]).toBeLessThanOrEqual(0.1);
    expect(document.recheck).toMatchObject({ seed: 20240522, replications: 3, horizonDays: 7 });
    expect(document.recheck.meetsTargets).toBe(document.recheck.checks[0].met);
    // Every block above its minimum has a simulated failing roster that proves one unit fewer fails.
    document.reductions.forEach((r: { atMinimum: boolean; witness: { units: number[]; failed: unknown[] } | null }, block: number) => {
      if (r.atMinimum) return expect(units[block]).toBe(0);
      expect(r.witness!.failed.length).toBeGreaterThan(0);
      expect(r.witness!.units[block]).toBe(units[block] - 1);
    });
    expect(document.search.simulations).toBe(document.search.simulated.length);
  });

  it("searches two unit types jointly, each block within its own limits and at its own cost", async () => {
    const out = scratch();
    const { code, stdout } = await resim(
      ...outreach, "--unit", "patrol", "--target", "responseMin.p90.priority1<=20",
      "--min-units", "patrol=10", "--max-units", "patrol=11", "--min-units", "patrol[3]=9", "--max-units", "outreach-team=2", "--no-recheck", "--out", out,
    );
    expect(code).toBe(0);
    expect(stdout).toContain("Cheapest mix of 'outreach-team' and 'patrol' in 'centralized-outreach' meeting every target:");
    expect(stdout).toContain("  patrol 19:00-05:00: ");
    expect(stdout).not.toContain("Re-check");
    const document = JSON.parse(readFileSync(join(out, "staffing.json"), "utf8"));
    expect(document.unitTypes).toEqual(["outreach-team", "patrol"]);
    expect(document.blocks.map((b: { unitType: string; minUnits: number; maxUnits: number; costPerHour: number }) => [b.unitType, b.minUnits, b.maxUnits, b.costPerHour])).toEqual([
      ["outreach-team", 0, 2, 145], ["outreach-team", 0, 2, 145], ["outreach-team", 0, 2, 145], ["outreach-team", 0, 2, 145],
      ["patrol", 10, 11, 100], ["patrol", 10, 11, 100], ["patrol", 10, 11, 100], ["patrol", 9, 11, 100],
    ]);
    expect(document.status).toBe("optimal");
    expect(document.recheck).toBeNull();
    // Nothing else in the model is searched but the hub's one seat.
    expect(document.fixedStaffingCostPerDay).toBeCloseTo(24 * 34.69, 2);
  });

  it("simulates nothing when the budget cannot pay for the smallest roster", async () => {
    const out = scratch();
    const { code, stdout } = await resim(...outreach, "--budget", "1000", "--out", out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No roster within the staffing budget of \$1,000 meets every target: the smallest roster searched already costs \$278\.8k over the 7 measured days/);
    expect(stdout).toContain("0 rosters simulated");
    expect(JSON.parse(readFileSync(join(out, "staffing.json"), "utf8"))).toMatchObject({ status: "over-budget", budget: 1000, withinBudget: false, best: null });
  });

  it("stops at --max-simulations with the best roster found and the proven lower bound", async () => {
    const out = scratch();
    const { code, stdout } = await resim(...outreach, "--max-units", "2", "--max-simulations", "3", "--no-recheck", "--out", out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^The search stopped at a limit \(--max-simulations 3\) before proving the cheapest/);
    const document = JSON.parse(readFileSync(join(out, "staffing.json"), "utf8"));
    expect(document).toMatchObject({ status: "limit", exact: false, search: { simulations: 3, limit: "simulations", maxSimulations: 3 } });
    expect(document.lowerBoundPerDay).toBeLessThanOrEqual(document.best.plannedCostPerDay);
  });

  it("rejects malformed unit limits with the flag, the form expected and what was found", async () => {
    const bad = await resim(...outreach, "--max-units", "patrol:3");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("resim: --max-units must look like 4, patrol=12 or patrol[2]=6, got 'patrol:3'\n");
    const unknown = await resim(...outreach, "--min-units", "outreach-teams=1");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("resim: --min-units: 'outreach-teams' is not a searched --unit, did you mean 'outreach-team'?\n");
    const crossed = await resim(...outreach, "--min-units", "3", "--max-units", "outreach-team[1]=2");
    expect(crossed.code).toBe(2);
    expect(crossed.stderr).toBe("resim: --min-units/--max-units: 15:00-23:00 would need at least 3 and at most 2 units\n");
  });
});
