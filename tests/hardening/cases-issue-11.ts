/**
 * Bad inputs from issue 11, by class: each once failed (a stack trace, a hang, memory without
 * end, a misleading or raw message) and must now end with its exit code and an exact message.
 */
import { CALL_TABLE, EXPORT, EXPORT_HEADER, MAPPING, needs, replay, tiny, TINY, type Case } from "./corpus.js";

const linux = needs("/proc/self");
const devZero = needs("/dev/zero");

/** 1. Huge but legal values: refused before they start, naming the key and the estimate. */
const resources: Case[] = [
  {
    name: "huge: demand.callsPerDay 1e12 would run for months",
    files: { "s.yaml": tiny("callsPerDay: 20", "callsPerDay: 1e12") },
    args: ["run", "s.yaml", "--quiet"],
    exit: 2,
    says: ["demand.callsPerDay 1e12", "this run would take about", "days", "--allow-long"],
  },
  {
    name: "huge: --days 1e9 would run for days (memory is flat, time is not)",
    files: { "s.yaml": TINY },
    args: ["run", "s.yaml", "--days", "1e9", "--quiet"],
    exit: 2,
    says: ["run.horizonDays", "1e9 days", "this run would take about", "--allow-long"],
  },
  {
    name: "huge: a roster of 1e9 units does not fit in memory",
    files: { "s.yaml": tiny("units: 2", "units: 1000000000") },
    args: ["run", "s.yaml", "--quiet"],
    exit: 2,
    says: ["models.m.staffing.server", "1e9 units", "GiB of memory", "--max-old-space-size"],
  },
  {
    name: "huge: run.replications 1e9 in the file",
    files: { "s.yaml": tiny("replications: 1 }", "replications: 1000000000 }") },
    args: ["run", "s.yaml", "--quiet"],
    exit: 2,
    says: ["run.replications is 1e9", "TiB of results"],
  },
  {
    name: "huge: --replications 1000000000 as a flag",
    files: { "s.yaml": TINY },
    args: ["sweep", "s.yaml", "--param", "demand.callsPerDay", "--values", "10,20", "--replications", "1000000000", "--quiet"],
    exit: 2,
    says: ["run.replications is 1e9", "2 points"],
  },
  {
    name: "huge: --allow-long, then calls pile up past memory and the run stops",
    files: { "s.yaml": tiny("callsPerDay: 20", "callsPerDay: 1e12") },
    args: ["run", "s.yaml", "--allow-long", "--workers", "1", "--quiet"],
    env: { NODE_OPTIONS: "--max-old-space-size=64" },
    exit: 2,
    says: ["model 'm', replication 0", "calls were in the system at once", "demand.callsPerDay (1e12)", "models.m.staffing"],
  },
];

/** 2. Unbounded reads: devices and huge files are refused, with the limit named. */
const reads: Case[] = [
  { name: "device: extends: /dev/zero", skip: devZero, files: { "s.yaml": "extends: /dev/zero\n" }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: extends names '/dev/zero'", "character device", "expected a scenario file"] },
  { name: "device: the scenario is /dev/zero", skip: devZero, args: ["validate", "/dev/zero"], exit: 2, says: ["/dev/zero", "character device"] },
  {
    name: "pipe: a named pipe is refused, never opened (opening one waits for a writer)",
    skip: () => (process.platform === "win32" ? "no mkfifo" : null),
    shell: "mkfifo p.yaml &&",
    args: ["validate", "p.yaml"],
    exit: 2,
    says: ["p.yaml: (top level) cannot be read: it is a named pipe"],
  },
  {
    name: "device: demand.historical.file: /dev/zero",
    skip: devZero,
    files: { "s.yaml": replay("/dev/zero") },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["s.yaml: demand.historical.file", "/dev/zero", "character device"],
  },
  { name: "device: import /dev/zero", skip: devZero, files: { "m.yaml": MAPPING }, args: ["import", "/dev/zero", "--mapping", "m.yaml", "--out", "t.csv"], exit: 2, says: ["/dev/zero", "character device", "CAD export"] },
  { name: "device: --mapping /dev/zero", skip: devZero, files: { "e.csv": EXPORT }, args: ["import", "e.csv", "--mapping", "/dev/zero", "--out", "t.csv"], exit: 2, says: ["/dev/zero", "character device"] },
  {
    name: "device: a mapping's taxonomy is /dev/zero",
    skip: devZero,
    files: { "e.csv": EXPORT, "m.yaml": MAPPING.replace(/taxonomy: .*/, "taxonomy: /dev/zero") },
    args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv"],
    exit: 2,
    says: ["/dev/zero", "character device"],
  },
  {
    name: "size: a scenario over 16 MiB",
    files: { "s.yaml": () => `${TINY}${"# padding\n".repeat(1_700_000)}` },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["s.yaml", "larger than 16 MiB"],
  },
  {
    name: "size: a call table line over 1 MiB",
    files: { "s.yaml": replay("t.csv"), "t.csv": () => `${CALL_TABLE}${"x".repeat(1_200_000)}\n` },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["demand.historical.file", "line 5", "longer than 1 MiB"],
  },
  {
    name: "size: an export record over 1 MiB (a quote never closed)",
    files: { "m.yaml": MAPPING, "e.csv": () => `${EXPORT}4,2023-01-03 10:00:00,"WELFARE CHECK,A\n${"5,2023-01-03 11:00:00,DISTURBANCE,B\n".repeat(40_000)}` },
    args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv"],
    exit: 2,
    says: ["e.csv: line 5", "longer than 1 MiB"],
  },
];

/** 3. An `extends:` that is not a scenario is an error at the key, never silently skipped. */
const extendsNotScenario: Case[] = [
  { name: "extends: a text file", files: { "s.yaml": "extends: notes.txt\nname: x\n", "notes.txt": "just some words\n" }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: extends names 'notes.txt', which is not a scenario", "'just some words'"] },
  { name: "extends: a system file", skip: needs("/etc/passwd"), files: { "s.yaml": "extends: /etc/passwd\n" }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: extends names '/etc/passwd', which is not a scenario"] },
  { name: "extends: a mapping file (YAML, but not a scenario)", files: { "s.yaml": "extends: m.yaml\n", "m.yaml": MAPPING }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: extends names 'm.yaml', which is not a scenario", "no scenario keys"] },
  { name: "extends: an empty file", files: { "s.yaml": "extends: e.yaml\n", "e.yaml": "" }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: extends names 'e.yaml', which is not a scenario"] },
  { name: "extends: not a path", files: { "s.yaml": "extends: 5\n" }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: extends must be the path of a scenario file, got 5"] },
  { name: "extends: a cycle", files: { "a.yaml": "extends: b.yaml\n", "b.yaml": "extends: a.yaml\n" }, args: ["validate", "a.yaml"], exit: 2, says: ["extends makes a cycle: a.yaml -> b.yaml -> a.yaml"] },
];

/** 4. A user's or the machine's situation: exit 2 and one line, never a stack trace. */
const situations: Case[] = [
  { name: "folder: the scenario", folders: ["dir"], args: ["run", "dir"], exit: 2, says: ["dir: (top level) cannot be read: it is a folder"] },
  { name: "folder: the export", folders: ["dir"], files: { "m.yaml": MAPPING }, args: ["import", "dir", "--mapping", "m.yaml"], exit: 2, says: ["dir: cannot be read: it is a folder, expected a CAD export"] },
  { name: "folder: the historical file", folders: ["dir"], files: { "s.yaml": replay("dir") }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: demand.historical.file", "it is a folder"] },
  { name: "folder: --out of import", folders: ["dir"], files: { "m.yaml": MAPPING, "e.csv": EXPORT }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "dir", "--quiet"], exit: 2, says: ["--out dir: is a folder, expected a file to write", "dir/calls.csv"] },
  { name: "folder: --mapping", folders: ["dir"], files: { "e.csv": EXPORT }, args: ["import", "e.csv", "--mapping", "dir"], exit: 2, says: ["dir", "it is a folder"] },
  { name: "device: --out /dev/null of schema is never replaced", skip: needs("/dev/null"), args: ["schema", "--out", "/dev/null"], exit: 2, says: ["cannot write /dev/null: it is not a regular file"] },
  { name: "device: --out /dev/null of import is never replaced", skip: needs("/dev/null"), files: { "m.yaml": MAPPING, "e.csv": EXPORT }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "/dev/null"], exit: 2, says: ["--out /dev/null: is a character device"] },
  {
    name: "full disk: the call table cannot be written (file size limit)",
    skip: () => (process.platform === "win32" ? "no ulimit" : null),
    shell: "ulimit -f 8;",
    files: { "m.yaml": MAPPING, "e.csv": () => `${EXPORT_HEADER}\n${Array.from({ length: 400 }, (_, i) => `${i},2023-01-02 10:${String(i % 60).padStart(2, "0")}:00,WELFARE CHECK ${"x".repeat(40)},A`).join("\n")}\n` },
    args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv", "--quiet"],
    exit: 2,
    says: ["cannot write t.csv", "EFBIG"],
  },
  { name: "YAML: an alias with no anchor", files: { "s.yaml": "name: x\nrun: *nope\n" }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: (top level) is not valid YAML at line 2, column 6", "'*nope'"] },
  {
    name: "YAML: an alias bomb",
    files: { "s.yaml": ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(", ")}]`)].join("\n") + "\n" },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["s.yaml: (top level) is not valid YAML at line 2", "alias bomb"],
  },
];

/** 7. Every wait has an end: a dead worker, a pseudo-filesystem. */
const hangs: Case[] = [
  {
    name: "hang: a worker thread exits without reporting",
    files: { "s.yaml": TINY, "die.mjs": 'import { isMainThread } from "node:worker_threads";\nif (!isMainThread) setTimeout(() => process.exit(7), 0);\n' },
    node: ["--import", "./die.mjs"],
    env: { RESIM_SMALL_JOB_MS: "0" },
    args: ["run", "s.yaml", "--replications", "2", "--workers", "2", "--quiet", "--out", "out"],
    exit: 1,
    says: ["a worker thread stopped (exit code 7) while running model 'm', replication"],
  },
  { name: "pseudo-filesystem: run --out /proc/...", skip: linux, files: { "s.yaml": TINY }, args: ["run", "s.yaml", "--quiet", "--out", "/proc/resim-x/y"], exit: 2, says: ["/proc/resim-x/y"] },
  { name: "pseudo-filesystem: import --out /proc/...", skip: linux, files: { "m.yaml": MAPPING, "e.csv": EXPORT }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "/proc/resim-x/t.csv"], exit: 2, says: ["--out /proc/resim-x/t.csv", "proc pseudo-filesystem"] },
  { name: "pseudo-filesystem: import --out /sys/...", skip: needs("/sys/kernel"), files: { "m.yaml": MAPPING, "e.csv": EXPORT }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "/sys/kernel/resim-t.csv"], exit: 2, says: ["--out /sys/kernel/resim-t.csv", "sysfs pseudo-filesystem"] },
];

/** 8. Messages that mislead. */
const misleading: Case[] = [
  {
    name: "replay: a bad table is one line, with no bogus match.priorities lines",
    files: { "s.yaml": replay("t.csv"), "t.csv": "received,category\n1,2\n" },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["s.yaml: demand.historical.file names a call table that cannot be used", "line 1"],
    never: ["match.priorities", "1 to 0", "waiting.abandonment"],
  },
  {
    name: "sweep: a bad --values value names --values, not --set",
    files: { "s.yaml": TINY },
    args: ["sweep", "s.yaml", "--param", "demand.callsPerDay", "--values", "abc", "--quiet"],
    exit: 2,
    says: ["s.yaml: demand.callsPerDay must be a number, got 'abc' (set with --values of --param demand.callsPerDay)"],
    never: ["--set"],
  },
  { name: "sweep: a bad --param path names --param", files: { "s.yaml": TINY }, args: ["sweep", "s.yaml", "--param", "demand..x", "--values", "1"], exit: 2, says: ["--param demand..x: expected a key name"], never: ["--set"] },
  {
    name: "extends: a mistake in the base is reported against the base",
    files: { "s.yaml": "extends: base/b.yaml\nname: child\n", "base/b.yaml": tiny("units: 2", "units: -2") },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["resim: base/b.yaml: models.m.staffing.server[0].units must be an integer >= 0, got -2 (reached through extends: s.yaml -> base/b.yaml)"],
  },
  {
    name: "extends: an unknown key in the base names the base",
    files: { "s.yaml": "extends: b.yaml\nname: child\n", "b.yaml": tiny("crew: { officer: 1 }", "crew: { officer: 1, clinican: 1 }") },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["resim: b.yaml: unitTypes.server.crew has an unknown key 'clinican', did you mean 'clinician'? (reached through extends: s.yaml -> b.yaml)"],
  },
  { name: "extends: a YAML error in the base names the base", files: { "s.yaml": "extends: b.yaml\n", "b.yaml": "name: [x\n" }, args: ["validate", "s.yaml"], exit: 2, says: ["resim: b.yaml: (top level) is not valid YAML at line", "(reached through extends: s.yaml -> b.yaml)"] },
  { name: "extends: a missing base names the key", files: { "s.yaml": "extends: gone.yaml\n" }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: extends names 'gone.yaml', which cannot be used: gone.yaml: cannot be read: no such file"] },
  {
    name: "binary: a binary scenario is named as such, not echoed",
    files: { "s.yaml": Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x00, 0x01, 0x02, 0x0a]) },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["s.yaml: (top level) line 1: is not a text file (a NUL byte at byte 12)"],
    never: ["\u001b", "\u0000"],
  },
  { name: "binary: bytes that are not UTF-8", files: { "s.yaml": Buffer.from("name: caf\xe9\n", "latin1") }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: (top level) line 1: is not UTF-8 text (byte 0xe9 at byte 10)"] },
  {
    name: "binary: a terminal escape in a key is shown escaped",
    files: { "s.yaml": `${TINY}"\\e[2J\\e[31mred": 1\n` },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["has an unknown key '\\x1b[2J\\x1b[31mred'"],
    never: ["\u001b"],
  },
  { name: "binary: a UTF-16 export", files: { "m.yaml": MAPPING, "e.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXPORT, "utf16le")]) }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv"], exit: 2, says: ["e.csv: is UTF-16 text", "save it as UTF-8"] },
  {
    name: "binary: control characters in an export value are escaped",
    files: { "m.yaml": MAPPING, "e.csv": `${EXPORT_HEADER}\n1,2023-01-02 10:00:00,WELFARE CHECK,\u001b[31mZ\n` },
    args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv", "--strict"],
    exit: 2,
    says: ["e.csv: line 2, column 'prio'", "got '\\x1b[31mZ'"],
    never: ["\u001b"],
  },
  {
    name: "CSV: a quote opened and closed rows later is reported where it opened",
    files: { "m.yaml": MAPPING, "e.csv": `${EXPORT_HEADER}\n1,2023-01-02 10:00:00,"WELFARE CHECK,A\n2,2023-01-02 11:00:00,DISTURBANCE,B\n3,2023-01-02 12:00:00,DIST"URBANCE,B\n4,2023-01-02 13:00:00,DISTURBANCE,B\n` },
    args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv", "--strict"],
    exit: 2,
    says: ["e.csv: line 2: a quoted field in column 'type' opens on this line and runs on to line 4", "a quote is probably not closed"],
    never: ["fields, the header has"],
  },
  {
    name: "CSV: a quote that changes the field count is reported where it opened",
    files: { "m.yaml": MAPPING, "e.csv": `${EXPORT_HEADER}\n1,2023-01-02 10:00:00,"WELFARE CHECK,A\n2,2023-01-02 11:00:00,DISTURBANCE,B\n3,"2023-01-02 12:00:00",DIST,B\n` },
    args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv", "--strict"],
    exit: 2,
    says: ["e.csv: line 2: a quoted field in column 'type' opens on this line and runs on to line 4, leaving 5 fields where the header has 4"],
  },
  { name: "CSV: a quote never closed", files: { "m.yaml": MAPPING, "e.csv": `${EXPORT_HEADER}\n1,2023-01-02 10:00:00,"WELFARE CHECK,A\n2,2023-01-02 11:00:00,DISTURBANCE,B\n` }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv"], exit: 2, says: ["e.csv: line 2: is not valid CSV: a quoted field that starts in this record is never closed"] },
];

export const ISSUE_11_CASES: Case[] = [...resources, ...reads, ...extendsNotScenario, ...situations, ...hangs, ...misleading];
