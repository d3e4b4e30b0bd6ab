/** resim uncertainty (psa) end to end through the compiled CLI, on a tiny scenario. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { resim } from "../helpers/cli.js";
import { tinyScenario } from "../helpers/tiny-world.js";

const folder = mkdtempSync(join(tmpdir(), "resim-psa-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const file = join(folder, "tiny.yaml");
writeFileSync(
  file,
  stringify(
    tinyScenario({
      models: {
        "police-only": { staffing: { patrol: [{ from: "00:00", to: "24:00", units: 1 }] }, dispatch: [{ send: ["patrol"] }] },
        "more-patrol": { staffing: { patrol: [{ from: "00:00", to: "24:00", units: 2 }] }, dispatch: [{ send: ["patrol"] }] },
      },
      uncertain: [
        { path: "demand.callsPerDay", low: 20, high: 40 },
        { path: "unitTypes.patrol.costPerHour", low: 40, high: 100, dist: "triangular", mode: 50 },
      ],
    }),
  ),
);

describe("resim uncertainty", () => {
  it("prints ranges, P(better) and P(cost-effective), and writes its files as one set", async () => {
    const out = join(folder, "out");
    const { code, stdout, stderr } = await resim("psa", file, "--draws", "4", "--workers", "1", "--wtp", "100,1000", "--out", out);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("tiny: 4 draws of 2 uncertain inputs (Latin hypercube, seed 1)");
    expect(stdout).toMatch(/Against police-only .*\n\s*difference\s+more-patrol\s+P\(better\)/);
    expect(stdout).toMatch(/perArrestAvoided\s+more-patrol\s+0%\s+0%/);
    const lines = (name: string) => readFileSync(join(out, name), "utf8").trim().split("\n");
    expect(lines("draws.csv")[0]).toBe("draw,demand.callsPerDay,unitTypes.patrol.costPerHour,model,metric,value");
    expect(lines("uncertainty-summary.csv")[0]).toBe("model,kind,metric,mean,low95,high95,n,better,p_better");
    expect(lines("uncertainty-summary.csv").some((l) => /^more-patrol,difference,cost\.total,[\d.]+,[\d.]+,[\d.]+,4,lower,0$/.test(l))).toBe(true);
    expect(lines("ceac.csv")[0]).toBe("model,outcome,metric,wtp,p_cost_effective,n");
    const document = JSON.parse(readFileSync(join(out, "uncertainty.json"), "utf8"));
    expect(document).toMatchObject({ kind: "uncertainty", draws: 4, baseline: "police-only", models: ["police-only", "more-patrol"] });
    expect(document.inputs[1]).toMatchObject({ path: "unitTypes.patrol.costPerHour", dist: "triangular", mode: 50 });
    expect(JSON.parse(readFileSync(join(out, "resim-manifest.json"), "utf8")).sets.uncertainty).toBeDefined();
  });

  it("refuses --replications and a distribution missing its parameter, with exit code 2", async () => {
    const replications = await resim("uncertainty", file, "--replications", "3", "--draws", "2");
    expect([replications.code, replications.stderr]).toEqual([2, "resim: --replications: resim uncertainty runs one replication per draw; use --draws\n"]);
    const bad = join(folder, "bad.yaml");
    writeFileSync(bad, stringify(tinyScenario({ uncertain: [{ path: "demand.callsPerDay", low: 5, high: 9, dist: "triangular" }] })));
    const missing = await resim("uncertainty", bad, "--draws", "2");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`resim: ${bad}: uncertain[0].mode must be a number in [low, high] = [5, 9] for dist: triangular, got nothing\n`);
  });

  it("runs its draws in shards that merge into exactly what one unsharded run writes and prints", async () => {
    const args = ["psa", file, "--draws", "5", "--wtp", "100,1000"];
    const [whole, part1, part2, merged] = ["whole", "part1", "part2", "merged"].map((name) => join(folder, `shards-${name}`));
    const runs = await Promise.all([
      resim(...args, "--workers", "2", "--out", whole),
      resim(...args, "--workers", "1", "--shard", "1/2", "--out", part1),
      resim(...args, "--workers", "2", "--shard", "2/2", "--out", part2),
    ]);
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([[0, ""], [0, ""], [0, ""]]);
    expect(runs[1].stdout).toBe(`shard 1/2: 3 of 5 draws written to ${part1}; combine the shards with: resim merge FOLDER... --out DIR\n`);
    // A shard run again over its complete output stops at once.
    const again = await resim(...args, "--shard", "2/2", "--out", part2);
    expect(again).toEqual({ code: 0, stdout: `shard 2/2: already complete in ${part2} (same analysis, same flags); nothing to run\n`, stderr: "" });
    const missing = await resim("merge", part2, "--out", merged);
    expect([missing.code, missing.stderr]).toEqual([2, "resim: the study has 5 draws in 2 shards; missing shard 1/2 (draws 0, 2, 4): run it again with --shard 1/2 and the same flags, then merge\n"]);
    const merge = await resim("merge", part2, part1, "--out", merged);
    expect([merge.code, merge.stderr]).toEqual([0, ""]);
    const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), "utf8")]));
    expect(files(merged)).toEqual(files(whole));
    // The terminal summary too, with the --wtp prices the shards were given.
    expect(merge.stdout.replace(/\nmerged 2 folder\(s\), 5 draws; wrote .*\n$/, "")).toBe(runs[0].stdout.replace(/\nwrote .*\n$/, ""));
  });
});
