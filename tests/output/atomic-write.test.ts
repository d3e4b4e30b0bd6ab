/** Single-file writes: exclusive temporary files under unpredictable names, links never followed, nothing left behind. */
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AtomicFile, hiddenName, makeFolders, OutputError, writeFileAtomic } from "../../src/output/atomic-write.js";
import { pendingRemovals, removeOnExit, removePending } from "../../src/output/cleanup.js";
import { scratchFolders } from "../report/scratch.js";

const scratch = scratchFolders("resim-atomic-");

/** Random bytes that repeat `first` once, then count: aims the first temporary name at a planted file. */
function aimed(first: number): (size: number) => Buffer {
  let calls = 0;
  return (size) => Buffer.alloc(size, calls++ === 0 ? first : calls);
}

const ENOSPC = (after: number) => {
  let left = after;
  return (fd: number, data: Uint8Array) => {
    if (left-- <= 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    writeFileSync(fd, data);
  };
};

describe("writeFileAtomic", () => {
  it("replaces a link planted at the target, leaving the link's target untouched", () => {
    const folder = scratch();
    const victim = join(scratch(), "victim.txt");
    writeFileSync(victim, "precious\n");
    symlinkSync(victim, join(folder, "summary.json"));
    writeFileAtomic(join(folder, "summary.json"), "{}\n");
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
    expect(lstatSync(join(folder, "summary.json")).isFile()).toBe(true);
    expect(readFileSync(join(folder, "summary.json"), "utf8")).toBe("{}\n");
  });

  it("does not follow or truncate a link or file planted at the would-be temporary name", () => {
    const folder = scratch();
    const victim = join(scratch(), "victim.txt");
    writeFileSync(victim, "precious\n");
    const target = join(folder, "report.html");
    const random = aimed(7);
    const planted = hiddenName(target, "tmp", { random: aimed(7) });
    symlinkSync(victim, planted);
    writeFileAtomic(target, "<html>\n", { random });
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
    expect(readFileSync(target, "utf8")).toBe("<html>\n");
    // The planted link is still there, untouched; no temporary file of ours is left.
    expect(readdirSync(folder).sort()).toEqual([".report.html.tmp-BwcHBwcHBwcHBwcH", "report.html"].sort());
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
  });

  it("leaves the old file and no temporary file when the disk fills mid-way", () => {
    const folder = scratch();
    const target = join(folder, "table.csv");
    writeFileSync(target, "old\n");
    let error: unknown;
    try {
      writeFileAtomic(target, "new\n", { write: ENOSPC(0) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe(`cannot write ${target}: ENOSPC, no space left on device, write`);
    expect(readFileSync(target, "utf8")).toBe("old\n");
    expect(readdirSync(folder)).toEqual(["table.csv"]);
    expect(pendingRemovals()).toEqual([]);
  });

  it("names temporary files unpredictably and registers them until committed", () => {
    const folder = scratch();
    const [a, b] = [new AtomicFile(join(folder, "x.csv")), new AtomicFile(join(folder, "x.csv"))];
    expect(a.temporary).not.toBe(b.temporary);
    expect(a.temporary).toMatch(/\/\.x\.csv\.tmp-[A-Za-z0-9_-]{16}$/);
    expect(pendingRemovals()).toEqual([a.temporary, b.temporary]);
    a.write("a\n");
    a.commit();
    b.abort();
    expect(pendingRemovals()).toEqual([]);
    expect(readdirSync(folder)).toEqual(["x.csv"]);
  });
});

describe("makeFolders and the exit cleanup", () => {
  it("creates missing folders level by level and names what is in the way", () => {
    const folder = scratch();
    makeFolders(join(folder, "a", "b", "c"));
    expect(lstatSync(join(folder, "a", "b", "c")).isDirectory()).toBe(true);
    writeFileSync(join(folder, "file"), "");
    expect(() => makeFolders(join(folder, "file", "sub"))).toThrow(/ENOTDIR|EEXIST/);
  });

  it("removes registered paths, recursively, and forgets the ones already done", () => {
    const folder = scratch();
    mkdirSync(join(folder, "spill"));
    writeFileSync(join(folder, "spill", "run-0.csv"), "x\n");
    writeFileSync(join(folder, "kept"), "");
    removeOnExit(join(folder, "spill"));
    const forget = removeOnExit(join(folder, "kept"));
    forget();
    removePending();
    expect(readdirSync(folder)).toEqual(["kept"]);
    expect(pendingRemovals()).toEqual([]);
  });
});
