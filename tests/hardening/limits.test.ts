/**
 * The limits behind the corpus, in process: the run estimate (time and memory), input files
 * (regular files only, size and line limits, text checks) and printable messages.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkRunBudget, estimateRun, formatDuration, CALLS_PER_SECOND, MAX_ESTIMATED_SECONDS } from "../../src/experiment/run-budget.js";
import { ResourceError } from "../../src/experiment/resource-error.js";
import { loadScenario } from "../../src/scenario/load.js";
import { parseAssignment } from "../../src/scenario/assignments.js";
import { DataFileError } from "../../src/streams/data-file-error.js";
import { formatBytes, readTextFile } from "../../src/streams/input-file.js";
import { LineReader } from "../../src/streams/line-reader.js";
import { printable, printableMessage } from "../../src/streams/printable.js";
import { TINY } from "./corpus.js";

const folder = mkdtempSync(join(tmpdir(), "resim-limits-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};
const tinyFile = file("tiny.yaml", TINY);
const load = (...sets: string[]) => loadScenario(tinyFile, { set: sets.map(parseAssignment) }).config;

describe("run estimate", () => {
  it("counts calls as demand x (warm-up + horizon) x replications x models, at the stated rate", () => {
    const config = load("run.horizonDays=100", "run.warmupDays=10", "run.replications=3", "demand.callsPerDay=1000");
    const estimate = estimateRun([{ config, models: [0] }], 1);
    expect(estimate.calls).toBe(1000 * 110 * 3);
    expect(estimate.tasks).toBe(3);
    expect(estimate.seconds).toBeGreaterThanOrEqual((1000 * 110 * 3) / CALLS_PER_SECOND);
  });

  it("refuses a run over the bound unless allowed, naming the demand", () => {
    const config = load("demand.callsPerDay=1e12");
    const experiments = [{ config, models: [0] }];
    const estimate = estimateRun(experiments, 1);
    expect(estimate.seconds).toBeGreaterThan(MAX_ESTIMATED_SECONDS);
    expect(() => checkRunBudget(estimate, experiments)).toThrow(ResourceError);
    expect(() => checkRunBudget(estimate, experiments)).toThrow(/demand\.callsPerDay 1e12/);
    expect(() => checkRunBudget(estimate, experiments, true)).not.toThrow();
  });

  it("refuses units and results that cannot fit, even when long runs are allowed", () => {
    for (const [set, key] of [["models.m.staffing.server[0].units=1000000000", "models.m.staffing.server"], ["run.replications=1000000000", "run.replications"]]) {
      const experiments = [{ config: load(set), models: [0] }];
      expect(() => checkRunBudget(estimateRun(experiments, 2), experiments, true)).toThrow(key);
    }
  });

  it("lets an ordinary run through", () => {
    const experiments = [{ config: load("run.replications=30", "run.horizonDays=365"), models: [0] }];
    expect(() => checkRunBudget(estimateRun(experiments, 2), experiments)).not.toThrow();
  });

  it("says durations in the largest sensible unit", () => {
    expect([formatDuration(30), formatDuration(600), formatDuration(5 * 3600), formatDuration(10 * 86400), formatDuration(1e10)]).toEqual(["30 s", "10 min", "5 hours", "10 days", "317 years"]);
  });
});

describe("input files", () => {
  it("reads a regular text file", () => {
    expect(readTextFile(file("ok.yaml", "name: x\n"))).toBe("name: x\n");
  });

  it("refuses a folder and a file over the limit, naming the limit", () => {
    expect(() => readTextFile(folder)).toThrow("it is a folder");
    expect(() => readTextFile(file("big.yaml", "x".repeat(2048)), "a scenario file", 1024)).toThrow("is larger than 1 KiB, the most resim reads of a scenario file");
  });

  it("names binary and non-UTF-8 content with its line", () => {
    expect(() => readTextFile(file("nul.yaml", "a: 1\nb: \u0000\n"))).toThrow(/line 2: is not a text file \(a NUL byte at byte 9\)/);
    expect(() => readTextFile(file("latin.yaml", Buffer.from("a: 1\nb: caf\xe9\n", "latin1")))).toThrow(/line 2: is not UTF-8 text \(byte 0xe9 at byte 12\)/);
    expect(() => readTextFile(file("utf16.yaml", Buffer.from([0xff, 0xfe, 0x61, 0x00])))).toThrow("is UTF-16 text");
  });

  it("stops a line longer than the limit instead of growing without end", () => {
    const reader = new LineReader(file("long.csv", `short\n${"y".repeat(300_000)}\n`), 1024, 100_000);
    expect(reader.next()).toBe("short");
    expect(() => reader.next()).toThrow(DataFileError);
  });

  it("formats sizes", () => {
    expect([formatBytes(512), formatBytes(16 * 1024 * 1024), formatBytes(1.5 * 2 ** 30)]).toEqual(["512 bytes", "16 MiB", "1.5 GiB"]);
  });
});

describe("printable messages", () => {
  it("escapes what a terminal would act on, keeping a message's own line breaks", () => {
    expect(printable("a\u001b[31mb\u0000\n\u202e")).toBe("a\\x1b[31mb\\x00\\n\\u202e");
    expect(printableMessage("one\ntwo\u0007")).toBe("one\ntwo\\x07");
    expect(printable("café, Zürich")).toBe("café, Zürich");
  });
});
