/**
 * `resim import`, and a replay of what it wrote, as a user runs them: the compiled CLI (npm test
 * builds it first), on the real San Luis Obispo extract and on hand-made error cases.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resim, type CliResult } from "../helpers/cli.js";
import { SAN_LUIS_OBISPO_EXPORT, scratch, TINY_HEADER, TINY_MAPPING } from "./helpers.js";

const s = scratch();
afterAll(s.cleanup);

describe.skipIf(!existsSync(SAN_LUIS_OBISPO_EXPORT))("resim import on the San Luis Obispo extract", () => {
  const table = join(s.folder, "slo.csv");
  const fitted = join(s.folder, "slo-fitted.yaml");
  const replay = join(s.folder, "slo-replay.yaml");
  let first: CliResult;
  beforeAll(async () => {
    first = await resim("import", SAN_LUIS_OBISPO_EXPORT, "--profile", "san-luis-obispo", "--out", table, "--emit-scenario", fitted, "--emit-replay", replay);
  });

  it("prints what it understood, writes the table and a fitted scenario", async () => {
    expect(first.code).toBe(0);
    for (const expected of [
      "rows read     19,961",
      "rows kept     15,876 (79.5%)",
      "3,007  excluded: officer-initiated (on view) - no dispatch time, a unit on scene within a minute of the call (lines 8, 10, 12, 16, 18, ...)",
      "time span     2021-09-15 00:10:00 to 2022-03-14 23:51:00 (181 days, America/Los_Angeles)",
      "replay clock  day 0 = Mon 2021-09-13 00:00; the first call is on day 2",
      "(from the taxonomy: the export has no priority)",
      "response time (received -> arrived)",
      `wrote ${table} (15,876 calls)`,
    ]) {
      expect(first.stdout).toContain(expected);
    }
    expect((await resim("validate", fitted)).code).toBe(0);
  });

  it("writes, with --emit-replay, the fitted scenario as a valid replay of the table it wrote, ready for resim calibrate", async () => {
    const text = readFileSync(replay, "utf8");
    expect(first.stdout).toContain(`calibrate it with: resim calibrate ${replay}`);
    expect(text).toContain("historical:\n    file: slo.csv");
    expect(text).toContain("Day 0 is Monday 2021-09-13; the first call is on day 2;");
    expect(text).toMatch(/warmupDays: 9\n/);
    expect((await resim("validate", replay)).code).toBe(0);
  });

  it("writes byte-identical output when run again", async () => {
    const again = join(s.folder, "slo-again.csv");
    const second = await resim("import", SAN_LUIS_OBISPO_EXPORT, "--profile", "san-luis-obispo", "--out", again);
    expect(second.stdout.replace(again, table)).toBe(first.stdout.replace(/wrote .*slo-(fitted|replay).*\n/g, ""));
    expect(readFileSync(again)).toEqual(readFileSync(table));
  });

  it("replays the calls and sets the baseline's response times beside the observed ones", async () => {
    const scenario = readFileSync("scenarios/san-diego-replay.yaml", "utf8")
      .replace("file: ../data/imported/san-diego.csv", "file: slo.csv")
      .replace("warmupDays: 7", "warmupDays: 2")
      .replace("horizonDays: 21", "horizonDays: 28")
      .replace(/\$schema=.*/, "");
    const file = s.file("slo-replay.yaml", scenario);
    const run = await resim("run", file, "--replications", "2", "--model", "police-only", "--out", join(s.folder, "report"), "--workers", "1");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Calibration: police-only (simulated) against the replayed export (observed), response time received -> first unit on scene");
    expect(run.stdout).toMatch(/p50\s+\d,\d{3}\s+\d+\.\d min\s+\d+\.\d min/);
    // The view's wording belongs to the calibration (src/import/calibration.ts); only what the import gives is checked here.
    expect(run.stdout).toMatch(/the export has no priority column/);
    expect(run.stdout).toMatch(/Hint: /);
  });
});

describe("resim import on bad input", () => {
  const mapping = s.file("tiny.yaml", TINY_MAPPING);

  it("with --strict, stops at the first bad row with exit code 2, naming the file, line, column and value", async () => {
    const file = s.file("bad.csv", `${TINY_HEADER}\nE1,2023-01-01 09:00:00,Noise,B,1,,\nE2,2023-13-45,Noise,B,1,,\n`);
    const { code, stderr, stdout } = await resim("import", file, "--mapping", mapping, "--out", join(s.folder, "bad-table.csv"), "--strict");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`resim: ${file}: line 3, column 'when': expected a timestamp like 2023-01-31 13:45:00, got '2023-13-45'\n`);
    expect(existsSync(join(s.folder, "bad-table.csv"))).toBe(false);
  });

  it("without --strict, counts the bad row with its line and imports the rest", async () => {
    const file = s.file("bad.csv", `${TINY_HEADER}\nE1,2023-01-01 09:00:00,Noise,B,1,,\nE2,2023-13-45,Noise,B,1,,\n`);
    const { code, stdout } = await resim("import", file, "--mapping", mapping, "--out", join(s.folder, "ok-table.csv"));
    expect(code).toBe(0);
    expect(stdout).toContain("1  bad received time (column 'when') (line 3); e.g. line 3, column 'when': expected a timestamp like 2023-01-31 13:45:00, got '2023-13-45'");
  });

  it("exits 2 on a missing column, listing the columns the file has", async () => {
    const file = s.file("other.csv", "id,date_time,type\nE1,2023-01-01 09:00:00,Noise\n");
    const { code, stderr } = await resim("import", file, "--mapping", mapping, "--out", join(s.folder, "x.csv"));
    expect(code).toBe(2);
    expect(stderr).toBe(`resim: ${file}: line 1: has no column 'when', which the mapping ${mapping} names; the file's columns are: id, date_time, type\n`);
  });

  it("exits 2 on an unknown profile, with the near miss", async () => {
    const { code, stderr } = await resim("import", "calls.csv", "--profile", "san-deigo");
    expect(code).toBe(2);
    expect(stderr).toBe("resim: --profile: no profile 'san-deigo', did you mean 'san-diego'?; write a mapping file and pass --mapping FILE for another city\n");
  });
});

describe("resim validate and resim schema on mapping and taxonomy files", () => {
  it("validates the shipped mappings and taxonomies as what they are", async () => {
    const run = await resim("validate", "data/mappings/san-luis-obispo.yaml", "data/mappings/san-diego.yaml", "data/taxonomy/resim.yaml", "data/taxonomy/san-luis-obispo.yaml");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("data/mappings/san-luis-obispo.yaml: ok (mapping san-luis-obispo, taxonomy ");
    expect(run.stdout).toContain("data/taxonomy/resim.yaml: ok (taxonomy data/taxonomy/resim.yaml)");
  });

  it("reports a bad mapping with exit code 2 and one line per problem, with its key path, not 'demand is required'", async () => {
    const file = s.file("bad-mapping.yaml", "name: x\ntimeZone: Mars/Base\ntaxonomy: resim\ncolumns: { type: t, received: { column: a, format: iso } }\nexclude: [{ all: [{ compare: [received, arrived], withinMin: 1 }], reason: r }]\n");
    const run = await resim("validate", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`resim: ${file}: timeZone must be an IANA time zone like 'America/Los_Angeles', got 'Mars/Base'`);
    expect(run.stderr).toContain(`resim: ${file}: exclude[0].all[0].compare[1] names 'arrived', which the mapping's columns do not give (it has: received)`);
    expect(run.stderr).not.toContain("demand");
  });

  it("reports a bad taxonomy with exit code 2 and its key path", async () => {
    const file = s.file("bad-taxonomy.yaml", "extends: resim\nrules:\n  - { category: violnt, codes: [X] }\n");
    const run = await resim("validate", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rules\[0\]\.category/);
  });

  it("prints the mapping and taxonomy JSON Schemas that ship in schema/", async () => {
    for (const kind of ["mapping", "taxonomy"]) {
      const run = await resim("schema", "--kind", kind);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(readFileSync(`schema/${kind}.schema.json`, "utf8"));
      expect(JSON.parse(run.stdout).title).toMatch(kind === "mapping" ? /mapping/ : /taxonomy/);
    }
  });
});
