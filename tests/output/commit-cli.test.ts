/**
 * The folder commit through the compiled CLI (npm test builds it first): a re-run replaces the
 * old run and its report but keeps a user's files; readers refuse a folder that does not match
 * its manifest, naming the file; a bad --out fails before simulating.
 */
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resim } from "../helpers/cli.js";
import { scratchFolders } from "../report/scratch.js";

const scratch = scratchFolders("resim-commit-cli-");
const RUN = ["run", "scenarios/validation/mmc.yaml", "--days", "1", "--replications", "2", "--workers", "1", "--quiet"];

describe("resim run, report and merge on committed folders", () => {
  it("replaces the old run and the report drawn from it on a re-run, and keeps the user's own files", async () => {
    const out = join(scratch(), "mmc");
    expect((await resim(...RUN, "--out", out, "--report")).code).toBe(0);
    writeFileSync(join(out, "notes.txt"), "my notes\n");
    const manifest = JSON.parse(readFileSync(join(out, "resim-manifest.json"), "utf8"));
    expect(Object.keys(manifest.sets)).toEqual(["report", "run"]);
    expect(manifest.sets.report.builtFrom).toEqual(["summary.json", "sweep.csv"]);
    expect(Object.keys(manifest.sets.run.files)).toEqual(["provenance.csv", "replications.csv", "summary.csv", "summary.json"]);

    expect((await resim(...RUN, "--out", out, "--seed", "2")).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["notes.txt", "provenance.csv", "replications.csv", "resim-manifest.json", "summary.csv", "summary.json"]);
    expect(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).seed).toBe(2);
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("my notes\n");
  });

  it("refuses to report on a run whose summary.json changed after resim wrote it", async () => {
    const out = join(scratch(), "mmc");
    expect((await resim(...RUN, "--out", out)).code).toBe(0);
    appendFileSync(join(out, "summary.json"), " ");
    const { code, stderr } = await resim("report", out);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^resim: ${join(out, "summary.json")}: \\d+ bytes, but resim-manifest.json lists \\d+: it changed after resim wrote it\\nresim: ${out} changed after resim wrote it, or was copied incompletely`));
    expect(existsSync(join(out, "report.html"))).toBe(false);
  });

  it("refuses to merge a study folder with a listed point missing (a copy cut short)", async () => {
    const out = join(scratch(), "sweep");
    const sweep = ["sweep", "scenarios/validation/mmc.yaml", "--param", "models.mmc.staffing.server[0].units", "--values", "10,11", "--days", "1", "--replications", "2", "--workers", "1", "--quiet", "--out", out];
    expect((await resim(...sweep)).code).toBe(0);
    rmSync(join(out, "points", "point-0001.json"));
    const { code, stderr } = await resim("merge", out, "--out", join(scratch(), "merged"));
    expect(code).toBe(2);
    expect(stderr).toContain(`resim: ${join(out, "points", "point-0001.json")}: cannot be read as a study file: listed in resim-manifest.json but missing\n`);
  });

  it("refuses an --out that is a link, with exit code 2", async () => {
    const parent = scratch();
    symlinkSync(scratch(), join(parent, "link"));
    const { code, stderr } = await resim(...RUN, "--out", join(parent, "link"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/is a symbolic link \(to .*\): resim replaces an output folder as a whole and does not replace links; give the folder it points to\n$/);
  });
});
