/**
 * A process killed while it writes: the folder keeps the complete previous run (SIGKILL, which
 * nothing can catch), and temporary, staging and spill files are removed on the exits a process
 * can catch (an error, SIGINT, SIGTERM). The child processes run the compiled modules in dist/,
 * as the CLI tests do (npm test builds them first).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { commitFolder } from "../../src/output/folder-commit.js";
import { scratchFolders } from "../report/scratch.js";

const scratch = scratchFolders("resim-interrupted-");
const dist = (path: string) => JSON.stringify(pathToFileURL(resolve("dist/src", path)).href);

/**
 * Runs an ES module script in a child node; once it prints "ready", sends `signal` (if any).
 * Resolves with its output and how it ended.
 */
function child(script: string, signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const process_ = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    process_.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (signal && stdout.includes("ready\n")) process_.kill(signal);
    });
    process_.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    process_.on("error", fail);
    process_.on("close", (code, endedBy) => done({ code, signal: endedBy, stdout, stderr }));
  });
}

function tree(folder: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, tree(folder, path));
    else out[path] = readFileSync(join(folder, path), "utf8");
  }
  return out;
}

const files = (tag: string) => new Map([["summary.json", `{"run":"${tag}"}\n`], ["summary.csv", `s,${tag}\n`], ["replications.csv", `r,${tag}\n`]]);

describe("a write interrupted by a signal", () => {
  it("leaves the complete previous run when SIGKILL comes in the middle of writing the new one", async () => {
    const out = join(scratch(), "run");
    commitFolder(out, files("old"), { set: "run" });
    const before = tree(out);
    // The child writes two of the new files, says so, and stops until it is killed.
    const script = `
      import { writeFileSync, writeSync } from "node:fs";
      import { commitFolder } from ${dist("output/folder-commit.js")};
      let written = 0;
      const write = (fd, data) => {
        writeFileSync(fd, data);
        if (++written === 2) { writeSync(1, "ready\\n"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); }
      };
      commitFolder(${JSON.stringify(out)}, new Map(${JSON.stringify([...files("new")])}), { set: "run", hooks: { write } });`;
    const ended = await child(script, "SIGKILL");
    expect([ended.signal, ended.stderr]).toEqual(["SIGKILL", ""]);
    expect(tree(out)).toEqual(before);
    // SIGKILL cannot be caught: its staging folder is left, hidden, beside the output, never inside it.
    const beside = readdirSync(dirname(out)).filter((name) => name !== basename(out));
    expect(beside).toHaveLength(1);
    expect(beside[0]).toMatch(/^\.run\.resim-staging-[A-Za-z0-9_-]{16}$/);
    // The next run commits as usual.
    commitFolder(out, files("next"), { set: "run" });
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe('{"run":"next"}\n');
  });

  // The child opens a temporary file and spills an import sort to disk, then waits; the signal
  // (or an uncaught error) must remove both and leave the target as it was.
  const holdTemporaries = (target: string, then: string) => `
    import { installExitCleanup } from ${dist("output/cleanup.js")};
    import { AtomicFile } from ${dist("output/atomic-write.js")};
    import { ExternalSorter } from ${dist("import/external-sort.js")};
    installExitCleanup();
    const file = new AtomicFile(${JSON.stringify(target)});
    file.write("half a table");
    const sorter = new ExternalSorter(2);
    sorter.add("b", 2, 2);
    sorter.add("a", 1, 1);
    console.log(JSON.stringify({ temporary: file.temporary, spill: sorter["folder"] }));
    ${then}`;

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`removes temporary and spill files on ${signal} and still ends by that signal`, async () => {
      const target = join(scratch(), "table.csv");
      const ended = await child(holdTemporaries(target, `console.log("ready"); setTimeout(() => {}, 60_000);`), signal);
      expect([ended.signal, ended.stderr]).toEqual([signal, ""]);
      const { temporary, spill } = JSON.parse(ended.stdout.split("\n")[0]) as { temporary: string; spill: string };
      expect(spill).toMatch(/resim-import-/);
      expect([existsSync(temporary), existsSync(spill), existsSync(target)]).toEqual([false, false, false]);
      expect(readdirSync(dirname(target))).toEqual([]);
    });
  }

  it("keeps Ctrl-C immediate while nothing is registered (a simulation running in this thread)", async () => {
    const script = `
      import { installExitCleanup } from ${dist("output/cleanup.js")};
      installExitCleanup();
      console.log("ready");
      const end = Date.now() + 20_000;
      while (Date.now() < end) {}
      console.log("not interrupted");`;
    const started = Date.now();
    const ended = await child(script, "SIGINT");
    expect([ended.signal, ended.stdout]).toEqual(["SIGINT", "ready\n"]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("removes them when the process ends with an error", async () => {
    const target = join(scratch(), "table.csv");
    const ended = await child(holdTemporaries(target, `throw new Error("boom");`));
    expect(ended.code).toBe(1);
    expect(ended.stderr).toContain("boom");
    const { temporary, spill } = JSON.parse(ended.stdout.split("\n")[0]) as { temporary: string; spill: string };
    expect([existsSync(temporary), existsSync(spill)]).toEqual([false, false]);
  });
});
