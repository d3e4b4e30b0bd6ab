/**
 * The decision summary's practical thresholds (`briefing.thresholds`) travel with the run: the
 * build puts them in the configuration, `--set` overrides applied and an `extends` chain resolved,
 * and summary.json takes them from there rather than reading the scenario file again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runExperiment } from "../../src/experiment/run-experiment.js";
import { summaryDocument } from "../../src/report/summary-document.js";
import { parseAssignment } from "../../src/scenario/assignments.js";
import { loadScenario, validateScenario } from "../../src/scenario/load.js";
import { resim } from "../helpers/cli.js";
import { tinyScenario } from "../helpers/tiny-world.js";

const folder = mkdtempSync(join(tmpdir(), "resim-briefing-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const base = join(folder, "base.json");
const child = join(folder, "child.json");
writeFileSync(base, JSON.stringify(tinyScenario({ briefing: { thresholds: { arrests: 30, edRate: 0.02 } } })));
writeFileSync(child, JSON.stringify({ extends: "base.json", name: "child", briefing: { thresholds: { edRate: 0.03 } } }));

const briefingOf = (out: string) => JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).briefing;

describe("briefing thresholds carried by the configuration", () => {
  it("builds the thresholds of an extends chain into the config, the extending file's over its base's, then --set over both", () => {
    expect(loadScenario(child).config.briefing).toEqual({ thresholds: { arrests: 30, edRate: 0.03 } });
    const set = loadScenario(child, { set: [parseAssignment("briefing.thresholds.fallbackRate=0.05"), parseAssignment("briefing.thresholds.arrests=12")] });
    expect(set.config.briefing).toEqual({ thresholds: { arrests: 12, edRate: 0.03, fallbackRate: 0.05 } });
    expect(loadScenario(base).config.briefing).toEqual({ thresholds: { arrests: 30, edRate: 0.02 } });
    expect(validateScenario(tinyScenario(), "none.yaml").config.briefing).toEqual({ thresholds: {} });
  });

  it("puts the run's thresholds in summary.json even when the scenario file cannot be read again", async () => {
    const loaded = validateScenario(tinyScenario({ briefing: { thresholds: { "cost.total": 5000 } } }), join(folder, "never-written.yaml"));
    const result = await runExperiment({ scenario: loaded }, { workers: 1 });
    expect(summaryDocument(result, loaded.file).document.briefing).toEqual({ thresholds: { "cost.total": 5000 } });
  });

  it("writes in summary.json the thresholds a resim run used: the chain's, with each --set applied as it is to any other key", async () => {
    const [one, whole] = [join(folder, "one"), join(folder, "whole")];
    const runs = await Promise.all([
      resim("run", child, "--quiet", "--workers", "1", "--set", "briefing.thresholds.fallbackRate=0.05", "--out", one),
      // Setting the whole mapping replaces it, as --set does everywhere: the file's thresholds go.
      resim("run", child, "--quiet", "--workers", "1", "--set", "briefing.thresholds={arrests: 7}", "--out", whole),
    ]);
    expect(runs.map((run) => [run.code, run.stderr])).toEqual([[0, ""], [0, ""]]);
    expect(briefingOf(one)).toEqual({ thresholds: { arrests: 30, edRate: 0.03, fallbackRate: 0.05 } });
    expect(briefingOf(whole)).toEqual({ thresholds: { arrests: 7 } });
  });

  it("applies --set briefing... in resim compare too, to A's thresholds that the comparison's summary keeps", async () => {
    const out = join(folder, "compare");
    const run = await resim("compare", child, base, "--quiet", "--workers", "1", "--set", "briefing.thresholds.fallbackRate=0.05", "--out", out);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(briefingOf(out)).toEqual({ thresholds: { arrests: 30, edRate: 0.03, fallbackRate: 0.05 } });
  });
});
