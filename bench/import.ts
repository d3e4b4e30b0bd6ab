/**
 * `npm run bench:import`: import figures, printed, never asserted (machines are shared and noisy).
 *
 * 1. Import rate, rows per second, of the San Diego extract (28,970 rows, read from
 *    ../shared/data/cfs/san_diego, never copied into the repository) with the san-diego profile:
 *    the first (cold) import, then 9 warm ones (JIT-compiled, the way a long import runs after its
 *    first seconds) alternating with 9 parses of the same file by csv-parse alone (the importer's
 *    options and chunk size, records counted and dropped): the floor. Printed: the medians, and
 *    the median of the pairs' ratios import time / parse time, which holds when a shared
 *    machine's speed drifts. Target: >= 200,000 rows/s warm, close to csv-parse's.
 * 2. Peak memory importing 1,000,000 synthetic rows in San Diego's format (out of order by up to
 *    a few minutes, as real exports are, so the external sort spills and merges 10 runs), in a
 *    child process so that the figure is that import's alone: maximum resident set size.
 *    Target: < 200 MB.
 *
 * The synthetic file is written to a temporary folder and removed. Run: npm run bench:import
 * [-- --rows N] [-- --rate-only] (--rate-only: item 1 alone)
 */
import { execFileSync } from "node:child_process";
import { closeSync, copyFileSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Parser } from "csv-parse";
import { CHUNK_BYTES } from "../src/import/csv-records.js";
import { importCalls } from "../src/import/importer.js";
import { loadMapping } from "../src/import/mapping.js";
import { createStream } from "../src/random/streams.js";
import { MAX_LINE_BYTES } from "../src/streams/input-file.js";

const SHARED = "../shared/data/cfs/san_diego";
const EXTRACT = join(SHARED, "pd_calls_for_service_2023-01-01_to_2023-01-22_datasd.csv");
const LOOKUP = "pd_cfs_calltypes_datasd.csv";
const MAPPING = "data/mappings/san-diego.yaml";
const rowsArgument = process.argv.indexOf("--rows");
const syntheticRows = rowsArgument > 0 ? Number(process.argv[rowsArgument + 1]) : 1_000_000;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString("en-US");

/** Imports `file` and returns [rows read, milliseconds]. */
function timedImport(file: string, out: string): [number, number] {
  const mapping = loadMapping(MAPPING);
  const start = performance.now();
  const { tally } = importCalls({ file, mapping, out });
  return [tally.rowsRead, performance.now() - start];
}

/** csv-parse alone over `file`, as the importer runs it (src/import/csv-records.ts): [records, milliseconds]. */
function timedParse(file: string): [number, number] {
  let records = 0;
  class Counting extends Parser {
    override push(chunk: unknown): boolean {
      if (chunk !== null) records++;
      return true;
    }
  }
  const start = performance.now();
  const parser = new Counting({ bom: true, delimiter: ",", encoding: "utf8", relax_quotes: true, relax_column_count: true, max_record_size: MAX_LINE_BYTES });
  const fd = openSync(file, "r");
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      parser.write(chunk.subarray(0, read));
    }
    parser.end();
  } finally {
    closeSync(fd);
  }
  return [records, performance.now() - start];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function rate(folder: string): void {
  const out = join(folder, "san-diego.csv");
  const [rows, cold] = timedImport(EXTRACT, out);
  timedParse(EXTRACT);
  const imports: number[] = [];
  const parses: number[] = [];
  for (let i = 0; i < 9; i++) {
    imports.push(timedImport(EXTRACT, out)[1]);
    parses.push(timedParse(EXTRACT)[1]);
  }
  const ratio = median(imports.map((ms, i) => ms / parses[i]));
  console.log(`San Diego extract, ${rows.toLocaleString("en-US")} rows (${mb(statSync(EXTRACT).size)} MB):`);
  console.log(`  first import: ${cold.toFixed(0)} ms = ${perSecond(rows, cold)} rows/s`);
  console.log(`  warm imports: median ${median(imports).toFixed(0)} ms = ${perSecond(rows, median(imports))} rows/s (target >= 200,000)`);
  console.log(`  csv-parse alone: median ${median(parses).toFixed(0)} ms = ${perSecond(rows + 1, median(parses))} records/s`);
  console.log(`  import / csv-parse time, median of 9 alternating pairs: ${ratio.toFixed(2)}`);
}

/** Writes `rows` San Diego-format rows: real call-type codes, a call every ~30 s, locally out of order. */
function writeSynthetic(file: string, rows: number): void {
  const codes = ["415", "459A", "CW", "586", "911", "415V", "HZRD", "5150", "1183", "415N", "10851R", "602", "242", "459R", "1146", "1140OD", "11-8", "PARTY", "20002", "11-6", "417", "SLEEPER", "488", "245", "MP", "XYZ"];
  const priorities = ["0", "1", "2", "2", "2", "3", "3", "4", "9"];
  const random = createStream(20240521, 0, "bench-import");
  const fd = openSync(file, "w");
  let chunk = '"incident_num","date_time","day_of_week","address_number_primary","address_dir_primary","address_road_primary","address_sfx_primary","address_dir_intersecting","address_road_intersecting","address_sfx_intersecting","call_type","disposition","beat","priority"\n';
  const start = Date.UTC(2023, 0, 1) / 1000;
  for (let i = 0; i < rows; i++) {
    // Every call ~30 s after the previous one, give or take up to 5 minutes: a nearly sorted export.
    const at = new Date((start + i * 30 + Math.floor(random() * 600) - 300) * 1000).toISOString();
    const code = codes[Math.floor(random() * codes.length)];
    const priority = priorities[Math.floor(random() * priorities.length)];
    chunk += `"E${String(i).padStart(11, "0")}","${at.slice(0, 10)} ${at.slice(11, 19)}","1","1400","","IMPERIAL","AVE","","","","${code}","K","${100 + (i % 400)}","${priority}"\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

function memory(folder: string): void {
  const file = join(folder, "synthetic.csv");
  writeSynthetic(file, syntheticRows);
  copyFileSync(join(SHARED, LOOKUP), join(folder, LOOKUP));
  const script = fileURLToPath(import.meta.url);
  const report = JSON.parse(execFileSync(process.execPath, [script, "--child", file, join(folder, "synthetic-table.csv")], { encoding: "utf8" })) as { rows: number; ms: number; maxRssKb: number; heapMb: string };
  console.log(`Synthetic export, ${report.rows.toLocaleString("en-US")} rows (${mb(statSync(file).size)} MB), in a child process:`);
  console.log(`  import: ${(report.ms / 1000).toFixed(2)} s = ${perSecond(report.rows, report.ms)} rows/s`);
  console.log(`  peak memory (max resident set size): ${(report.maxRssKb / 1024).toFixed(1)} MB (target < 200 MB); V8 heap after: ${report.heapMb} MB`);
}

if (process.argv[2] === "--child") {
  const [rows, ms] = timedImport(process.argv[3], process.argv[4]);
  process.stdout.write(JSON.stringify({ rows, ms, maxRssKb: process.resourceUsage().maxRSS, heapMb: mb(process.memoryUsage().heapUsed) }));
} else {
  const folder = mkdtempSync(join(tmpdir(), "resim-bench-import-"));
  try {
    console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
    rate(folder);
    if (!process.argv.includes("--rate-only")) memory(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
