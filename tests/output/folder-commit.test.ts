/**
 * Committing a set of files into a folder: the folder holds the complete old version or the
 * complete new one, whatever fails; files resim did not write stay; readers can check the result.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { OutputError } from "../../src/output/atomic-write.js";
import { pendingRemovals } from "../../src/output/cleanup.js";
import { commitFolder, interruptedSwap, readBasis } from "../../src/output/folder-commit.js";
import { checkListedFiles, MANIFEST_FILE, readManifest } from "../../src/output/manifest.js";
import { scratchFolders } from "../report/scratch.js";

const scratch = scratchFolders("resim-commit-");

/** Every file below a folder with its text; links as "-> target". */
function tree(folder: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, tree(folder, path));
    else if (entry.isSymbolicLink()) out[path] = `-> ${readlinkSync(join(folder, path))}`;
    else out[path] = readFileSync(join(folder, path), "utf8");
  }
  return out;
}

const run = (tag: string, withCost = true) =>
  new Map([
    ["summary.json", `{"run":"${tag}"}\n`],
    ["summary.csv", `summary,${tag}\n`],
    ["replications.csv", `replications,${tag}\n`],
    ...(withCost ? [["cost-effectiveness.csv", `cost,${tag}\n`] as [string, string]] : []),
  ]);
const report = (tag: string) => new Map([["charts/cost.svg", `<svg>${tag}</svg>\n`], ["report.html", `<html>${tag}</html>\n`]]);

/** A writer that fails with ENOSPC on its n-th file, as a full disk does. */
function diskFullAt(n: number) {
  let files = 0;
  return (fd: number, data: Uint8Array) => {
    if (++files >= n) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    writeFileSync(fd, data);
  };
}

/** A new output folder (inside a scratch parent, so the parent's listing shows what is left beside it). */
function outFolder(): string {
  return join(scratch(), "out");
}

describe("commitFolder", () => {
  it("writes the set with a manifest listing each file's size and SHA-256", () => {
    const out = outFolder();
    expect(commitFolder(out, run("A"), { set: "run" })).toEqual(["summary.json", "summary.csv", "replications.csv", "cost-effectiveness.csv"].map((f) => join(out, f)));
    const { manifest } = readManifest(out)!;
    expect(Object.keys(manifest.sets)).toEqual(["run"]);
    expect(manifest.sets.run.files["summary.json"]).toEqual({ bytes: 12, sha256: createHash("sha256").update('{"run":"A"}\n').digest("hex") });
    expect(checkListedFiles(out, manifest)).toEqual([]);
    expect(readdirSync(dirname(out))).toEqual(["out"]);
  });

  it("keeps the complete old run when the disk fills mid-way, and leaves no staging folder", () => {
    const out = outFolder();
    commitFolder(out, run("old"), { set: "run" });
    const before = tree(out);
    for (const n of [1, 2, 3, 4, 5]) {
      let error: unknown;
      try {
        commitFolder(out, run("new"), { set: "run", hooks: { write: diskFullAt(n) } });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(OutputError);
      expect((error as Error).message).toBe(`cannot write ${out}: ENOSPC, no space left on device, write; ${out} is as it was`);
      expect(tree(out)).toEqual(before);
      expect(readdirSync(dirname(out))).toEqual(["out"]);
      expect(pendingRemovals()).toEqual([]);
    }
  });

  it("leaves no folder at all when a first run fails", () => {
    const out = outFolder();
    expect(() => commitFolder(out, run("new"), { set: "run", hooks: { write: diskFullAt(3) } })).toThrow(OutputError);
    expect(readdirSync(dirname(out))).toEqual([]);
  });

  it("replaces the old run whole: a file the new run does not write goes, and so does the report built from it", () => {
    const out = outFolder();
    commitFolder(out, run("A"), { set: "run" });
    commitFolder(out, report("A"), { set: "report", builtFrom: readBasis(out, ["summary.json"]).builtFrom });
    expect(Object.keys(readManifest(out)!.manifest.sets)).toEqual(["report", "run"]);
    commitFolder(out, run("B", false), { set: "run" });
    expect(tree(out)).toEqual({ ...Object.fromEntries(run("B", false)), [MANIFEST_FILE]: expect.any(String) });
    expect(Object.keys(readManifest(out)!.manifest.sets)).toEqual(["run"]);
  });

  it("keeps files resim did not write (a user's notes, folders and links) and other sets that do not depend on this one", () => {
    const out = outFolder();
    commitFolder(out, run("A"), { set: "run" });
    writeFileSync(join(out, "notes.txt"), "my notes\n");
    mkdirSync(join(out, "mine", "empty"), { recursive: true });
    writeFileSync(join(out, "mine", "data.csv"), "1,2\n");
    writeFileSync(join(out, "charts-extra.txt"), "x\n");
    symlinkSync("../elsewhere", join(out, "link"));
    commitFolder(out, new Map([["sweep.csv", "sweep\n"], ["study.json", "{}\n"]]), { set: "sweep" });
    const inode = lstatSync(join(out, "notes.txt")).ino;
    commitFolder(out, run("B"), { set: "run" });
    const after = tree(out);
    expect(after["notes.txt"]).toBe("my notes\n");
    expect(after["mine/data.csv"]).toBe("1,2\n");
    expect(after.link).toBe("-> ../elsewhere");
    expect(after["sweep.csv"]).toBe("sweep\n");
    expect(after["summary.json"]).toBe('{"run":"B"}\n');
    expect(lstatSync(join(out, "mine", "empty")).isDirectory()).toBe(true);
    // Carried by hard link, not copied.
    expect(lstatSync(join(out, "notes.txt")).ino).toBe(inode);
    expect(Object.keys(readManifest(out)!.manifest.sets)).toEqual(["run", "sweep"]);
  });

  it("drops a study of another kind that shared its files, whole, and the report that drew it", () => {
    const out = outFolder();
    commitFolder(out, new Map([["study.json", "sweep\n"], ["points/point-0000.json", "0\n"], ["points/point-0001.json", "1\n"], ["sweep.csv", "s\n"]]), { set: "sweep" });
    commitFolder(out, run("A"), { set: "run" });
    commitFolder(out, report("A"), { set: "report", builtFrom: readBasis(out, ["summary.json", "sweep.csv"]).builtFrom });
    commitFolder(out, new Map([["study.json", "sensitivity\n"], ["points/point-0000.json", "0\n"], ["sensitivity.csv", "x\n"]]), { set: "sensitivity" });
    const after = tree(out);
    expect(Object.keys(after).sort()).toEqual(["cost-effectiveness.csv", "points/point-0000.json", "replications.csv", MANIFEST_FILE, "sensitivity.csv", "study.json", "summary.csv", "summary.json"]);
    expect(Object.keys(readManifest(out)!.manifest.sets)).toEqual(["run", "sensitivity"]);
  });

  it("removes a report when a file it was drawn from is written again, even one resim did not list", () => {
    const out = outFolder();
    mkdirSync(out);
    writeFileSync(join(out, "summary.json"), "by hand\n");
    commitFolder(out, report("hand"), { set: "report", builtFrom: readBasis(out, ["summary.json", "sweep.csv"]).builtFrom });
    expect(readManifest(out)!.manifest.sets.report.builtFrom).toEqual(["summary.json", "sweep.csv"]);
    commitFolder(out, new Map([["staffing.json", "{}\n"]]), { set: "staffing" });
    expect(existsSync(join(out, "report.html"))).toBe(true);
    commitFolder(out, new Map([["sweep.csv", "s\n"], ["study.json", "{}\n"]]), { set: "sweep" });
    expect(existsSync(join(out, "report.html"))).toBe(false);
    expect(Object.keys(tree(out)).sort()).toEqual([MANIFEST_FILE, "staffing.json", "study.json", "summary.json", "sweep.csv"].sort());
  });

  it("refuses to commit a report when the run it read was written again meanwhile", () => {
    const out = outFolder();
    commitFolder(out, run("A"), { set: "run" });
    const { builtFrom } = readBasis(out, ["summary.json"]);
    commitFolder(out, run("B"), { set: "run" });
    expect(() => commitFolder(out, report("A"), { set: "report", builtFrom })).toThrow(`${out} changed while resim was reading it (summary.json was written again); run the command again`);
    expect(existsSync(join(out, "report.html"))).toBe(false);
  });

  it("never writes through a link planted in the folder, and refuses a link, a file or the working folder as the target", () => {
    const out = outFolder();
    const victim = join(scratch(), "victim.json");
    writeFileSync(victim, "precious\n");
    mkdirSync(out);
    symlinkSync(victim, join(out, "summary.json"));
    commitFolder(out, run("A"), { set: "run" });
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
    expect(lstatSync(join(out, "summary.json")).isFile()).toBe(true);

    const link = join(dirname(out), "link");
    symlinkSync(out, link);
    expect(() => commitFolder(link, run("B"), { set: "run" })).toThrow(`${link} is a symbolic link (to ${out}): resim replaces an output folder as a whole and does not replace links; give the folder it points to`);
    expect(() => commitFolder(victim, run("B"), { set: "run" })).toThrow(`${victim} is a file, not a folder`);
    expect(() => commitFolder(".", run("B"), { set: "run" })).toThrow(/^\. is the folder you are in \(or one holding it\): resim replaces an output folder as a whole/);
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe('{"run":"A"}\n');
  });

  it("tells a reader which listed files are missing or changed", () => {
    const out = outFolder();
    commitFolder(out, run("A"), { set: "run" });
    writeFileSync(join(out, "summary.csv"), "edited\n");
    writeFileSync(join(out, "replications.csv"), "replications,Z\n");
    renameSync(join(out, "summary.json"), join(out, "moved.json"));
    const { problems } = readBasis(out, ["summary.json", "summary.csv", "replications.csv", "moved.json"]);
    // In the manifest's (sorted) order; moved.json is not resim's, so it is not checked.
    expect(problems).toEqual([
      { file: join(out, "replications.csv"), problem: `its SHA-256 differs from the one in ${MANIFEST_FILE}: it changed after resim wrote it` },
      { file: join(out, "summary.csv"), problem: `7 bytes, but ${MANIFEST_FILE} lists 10: it changed after resim wrote it` },
      { file: join(out, "summary.json"), problem: `listed in ${MANIFEST_FILE} but missing` },
    ]);
  });

  it("finds the previous folder when a kill came between the swap's two renames", () => {
    const out = outFolder();
    commitFolder(out, run("A"), { set: "run" });
    const aside = join(dirname(out), `.${basename(out)}.resim-old-abc`);
    renameSync(out, aside);
    expect(interruptedSwap(out)).toBe(aside);
    renameSync(aside, out);
    expect(interruptedSwap(out)).toBeNull();
  });
});
