/**
 * Bad inputs that already got exit 2 and an exact message before issue 11, kept in the corpus so
 * they keep doing so: scenario values and keys, overrides, flags, the import's own checks.
 */
import { CALL_TABLE, EXPORT, EXPORT_HEADER, MAPPING, replay, tiny, TINY, type Case } from "./corpus.js";

const scenario: Case[] = [
  { name: "value: a negative unit count", files: { "s.yaml": tiny("units: 2", "units: -2") }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: models.m.staffing.server[0].units must be an integer >= 0, got -2"] },
  { name: "key: a near miss is suggested", files: { "s.yaml": tiny("crew: { officer: 1 }", "crew: { officer: 1, clinican: 1 }") }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: unitTypes.server.crew has an unknown key 'clinican', did you mean 'clinician'?"] },
  { name: "value: shares that do not sum to 1", files: { "s.yaml": tiny("share: 1,", "share: 0.5,") }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: demand.categories category shares must sum to 1, got 0.5"] },
  { name: "name: a rule sends an unknown unit type", files: { "s.yaml": tiny("- send: [server]", "- send: [sever]") }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: models.m.dispatch[0].send[0] names unknown unit type 'sever', did you mean 'server'?"] },
  { name: "file: a missing scenario", args: ["validate", "no/such.yaml"], exit: 2, says: ["resim: no/such.yaml: (top level) cannot be read: no such file"] },
  { name: "YAML: a syntax error names its line", files: { "s.yaml": "name: x\ndemand: [1, 2\n" }, args: ["validate", "s.yaml"], exit: 2, says: [/s\.yaml: \(top level\) is not valid YAML at line \d+, column \d+/] },
  { name: "YAML: a duplicate key", files: { "s.yaml": "name: x\nname: y\n" }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: (top level) is not valid YAML at line 2", "unique"] },
  { name: "value: not a mapping at the top", files: { "s.yaml": "- 1\n- 2\n" }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: (top level) must be a mapping of keys to values"] },
];

const overrides: Case[] = [
  { name: "--set: a bad value says it was set", files: { "s.yaml": TINY }, args: ["run", "s.yaml", "--quiet", "--set", "demand.callsPerDay=-3"], exit: 2, says: ["s.yaml: demand.callsPerDay must be a number > 0, got -3 (set with --set)"] },
  { name: "--set: an index past the end", files: { "s.yaml": TINY }, args: ["run", "s.yaml", "--set", "models.m.staffing.server[5].units=3"], exit: 2, says: ["models.m.staffing.server has 1 entries, so models.m.staffing.server[5] does not exist (--set models.m.staffing.server[5].units=3)"] },
  { name: "--set: no '='", files: { "s.yaml": TINY }, args: ["run", "s.yaml", "--set", "nope"], exit: 2, says: ["--set nope: expected PATH=VALUE"] },
  { name: "flag: --replications 0", files: { "s.yaml": TINY }, args: ["run", "s.yaml", "--replications", "0"], exit: 2, says: ["must be an integer >= 1, got '0'"], lines: 2 },
  { name: "flag: --days -1", files: { "s.yaml": TINY }, args: ["run", "s.yaml", "--days", "-1"], exit: 2, says: ["must be a number > 0, got '-1'"], lines: 2 },
  { name: "flag: --replications 1e9 is not an integer as written", files: { "s.yaml": TINY }, args: ["run", "s.yaml", "--replications", "1e9"], exit: 2, says: ["must be an integer >= 1, got '1e9'"], lines: 2 },
  { name: "flag: an unknown option", files: { "s.yaml": TINY }, args: ["run", "s.yaml", "--bogus"], exit: 2, says: ["unknown option '--bogus'"], lines: 2 },
  { name: "flag: an unknown model", files: { "s.yaml": TINY }, args: ["run", "s.yaml", "--model", "nope", "--quiet"], exit: 2, says: ["--model: s.yaml has no model 'nope' (models: m)"] },
  { name: "sweep: a backwards range", files: { "s.yaml": TINY }, args: ["sweep", "s.yaml", "--param", "demand.callsPerDay", "--values", "5..1"], exit: 2, says: ["--values 5..1: a range must be FROM..TO[:STEP]"] },
  { name: "sensitivity: no uncertain list", files: { "s.yaml": TINY }, args: ["sensitivity", "s.yaml", "--model", "m"], exit: 2, says: ["s.yaml declares no 'uncertain' parameters"] },
  { name: "merge: not a study folder", folders: ["dir"], args: ["merge", "dir", "--out", "o"], exit: 2, says: ["dir: not a sweep, sensitivity or uncertainty part (no study.json)"] },
  { name: "report: no such folder", args: ["report", "nowhere"], exit: 2, says: ["nowhere: no such folder"] },
  { name: "report: a folder without a run", folders: ["dir"], args: ["report", "dir"], exit: 2, says: ["dir holds no results to report on", "expected summary.json"] },
];

const data: Case[] = [
  { name: "import: neither --profile nor --mapping", files: { "e.csv": EXPORT }, args: ["import", "e.csv"], exit: 2, says: ["give exactly one of --profile NAME"] },
  { name: "import: an unknown profile", files: { "e.csv": EXPORT }, args: ["import", "e.csv", "--profile", "nyc"], exit: 2, says: ["--profile: no profile 'nyc'"] },
  { name: "import: a missing export", files: { "m.yaml": MAPPING }, args: ["import", "gone.csv", "--mapping", "m.yaml", "--out", "t.csv"], exit: 2, says: ["gone.csv: cannot be read: no such file"] },
  { name: "import: a column the mapping names is missing", files: { "m.yaml": MAPPING, "e.csv": "id,when,kind,prio\n1,2023-01-02 10:00:00,X,A\n" }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv"], exit: 2, says: ["e.csv: line 1: has no column 'type', which the mapping m.yaml names"] },
  { name: "import --strict: a bad timestamp names line and column", files: { "m.yaml": MAPPING, "e.csv": `${EXPORT_HEADER}\n1,2023-01-02 10:00:00,WELFARE CHECK,A\n2,2023-13-45 10:00:00,WELFARE CHECK,A\n` }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv", "--strict"], exit: 2, says: ["e.csv: line 3, column 'when'", "2023-13-45"] },
  { name: "import --strict: a wrong field count", files: { "m.yaml": MAPPING, "e.csv": `${EXPORT_HEADER}\n1,2023-01-02 10:00:00,WELFARE CHECK,A,extra\n` }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv", "--strict"], exit: 2, says: ["e.csv: line 2: has 5 fields, the header has 4"] },
  { name: "import: an empty export", files: { "m.yaml": MAPPING, "e.csv": "" }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv"], exit: 2, says: ["e.csv: is empty: it has no header row"] },
  { name: "mapping: an unknown key", files: { "m.yaml": `${MAPPING}colums: {}\n`, "e.csv": EXPORT }, args: ["import", "e.csv", "--mapping", "m.yaml", "--out", "t.csv"], exit: 2, says: ["m.yaml: (top level) has an unknown key 'colums'"] },
  { name: "replay: a missing table, with the import hint", files: { "s.yaml": replay("gone.csv") }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: demand.historical.file names a call table that cannot be used", "no such file; write it first with `resim import"] },
  {
    name: "replay: a table out of order names the line",
    files: { "s.yaml": replay("t.csv"), "t.csv": `${CALL_TABLE}2023-01-01T09:00:00,welfare-check,1,export,1,0,,,5,30,4,2,WELFARE CHECK,,5\n` },
    args: ["validate", "s.yaml"],
    exit: 2,
    says: ["line 5, column 'received': comes before the previous call"],
  },
  { name: "replay: a category the scenario does not list", files: { "s.yaml": replay("t.csv").replace("    disturbance: {}\n", ""), "t.csv": CALL_TABLE }, args: ["validate", "s.yaml"], exit: 2, says: ["s.yaml: demand.categories must list every category of the call table: 'disturbance' (t.csv line 3) is missing"] },
];

export const HELD_CASES: Case[] = [...scenario, ...overrides, ...data];
