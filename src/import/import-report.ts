/**
 * What `resim import` prints: what it understood of the export, so the user can check it before
 * trusting a replay. Rows read, kept and skipped by reason (with line numbers), observed times
 * left empty, the time span and the replay clock, calls per day, the category and priority mix,
 * the most frequent call types no rule mapped, and observed-time quantiles. Text only, no clock:
 * the same import prints the same report.
 */
import { isAbsolute, relative } from "node:path";
import { formatCivilDate, formatCivilSeconds, SECONDS_PER_DAY, weekday, WEEKDAY_NAMES } from "../streams/civil-time.js";
import { replayClock } from "../streams/historical-source.js";
import type { CodeLookup } from "./code-lookup.js";
import type { ImportTally, ObservedMeasure, ReasonTally } from "./import-tally.js";
import type { Mapping } from "./mapping.js";
import { measuresLines } from "./measures-report.js";
import { alignColumns } from "./text-table.js";

/** How many unmapped call types are listed. */
export const UNMAPPED_SHOWN = 20;

const count = (n: number) => n.toLocaleString("en-US");
const percent = (part: number, whole: number) => `${whole === 0 ? "0.0" : ((100 * part) / whole).toFixed(1)}%`;

/** The report, as lines of text ending with a newline. */
export function formatImportReport(file: string, mapping: Mapping, tally: ImportTally, lookup: CodeLookup | null): string {
  const out: string[] = [];
  out.push(`${file}`);
  out.push(`  mapping ${mapping.name} (${shown(mapping.file)}), time zone ${mapping.zone.name}, taxonomy ${mapping.taxonomy.files.map(shown).join(" -> ")}`);
  if (lookup) out.push(`  call types described by ${shown(lookup.file)}${lookup.notes.length ? `: ${lookup.notes.join("; ")}` : ""}`);
  const skipped = sum(tally.skipped);
  out.push("");
  out.push(`rows read     ${count(tally.rowsRead)}`);
  out.push(`rows kept     ${count(tally.kept)} (${percent(tally.kept, tally.rowsRead)})`);
  out.push(`rows skipped  ${count(skipped)}${skipped ? "" : " (none)"}`);
  out.push(...reasonLines(tally.skipped));
  for (const warning of tally.warnings) out.push(`WARNING: ${warning}`);
  const dropped = sum(tally.observedDropped);
  if (dropped > 0) {
    out.push(`observed times left empty (the call is kept)  ${count(dropped)}`);
    out.push(...reasonLines(tally.observedDropped));
  }
  if (tally.kept === 0) return `${out.join("\n")}\n`;

  out.push("");
  const firstDay = Math.floor(tally.firstSec / SECONDS_PER_DAY);
  const lastDay = Math.floor(tally.lastSec / SECONDS_PER_DAY);
  const days = lastDay - firstDay + 1;
  out.push(`time span     ${formatCivilSeconds(tally.firstSec).replace("T", " ")} to ${formatCivilSeconds(tally.lastSec).replace("T", " ")} (${days} day${days === 1 ? "" : "s"}, ${mapping.zone.name})`);
  const perDay = Array.from({ length: days }, (_, i) => tally.callsByDay.get(firstDay + i) ?? 0);
  const low = perDay.indexOf(Math.min(...perDay));
  const high = perDay.indexOf(Math.max(...perDay));
  out.push(
    `calls per day ${(tally.kept / days).toFixed(1)} on average; fewest ${count(perDay[low])} on ${dayName(firstDay + low)}, most ${count(perDay[high])} on ${dayName(firstDay + high)}`,
  );
  const clock = replayClock(tally.firstSec, tally.lastSec);
  out.push(
    `replay clock  day 0 = ${dayName(firstDay - clock.firstCallDay)} 00:00; the first call is on day ${clock.firstCallDay}, the last on day ${clock.spanDays - 1}: ` +
      (clock.firstCallDay === 0 ? "run.warmupDays may be 0" : `set run.warmupDays >= ${clock.firstCallDay} (7 starts measuring on Monday ${formatCivilDate(firstDay - clock.firstCallDay + 7)})`),
  );
  out.push("");
  const categories = [...tally.categories].sort((a, b) => b[1].calls - a[1].calls || (a[0] < b[0] ? -1 : 1));
  out.push(`categories    ${categories.map(([name, c]) => `${name} ${percent(c.calls, tally.kept)}`).join(", ")}`);
  const byPriority: number[] = [];
  for (const [, c] of categories) c.byPriority.forEach((n, i) => (byPriority[i] = (byPriority[i] ?? 0) + n));
  const source = tally.exportPriorities === tally.kept ? "from the export" : tally.exportPriorities === 0 ? "from the taxonomy: the export has no priority" : "partly from the taxonomy";
  out.push(`priorities    ${[...byPriority].map((n, i) => `P${i + 1} ${percent(n ?? 0, tally.kept)}`).join(", ")} (${source})`);
  const bh = categories.reduce((s, [, c]) => s + c.behavioralHealth, 0);
  const weapon = categories.reduce((s, [, c]) => s + c.weapon, 0);
  out.push(`flags         behavioral health ${percent(bh, tally.kept)}, weapon ${percent(weapon, tally.kept)}`);
  out.push(...unmappedLines(tally, mapping));
  out.push(...observedLines(tally));
  out.push(...measuresLines(tally.measures, mapping));
  return `${out.join("\n")}\n`;
}

function sum(reasons: ReadonlyMap<string, ReasonTally>): number {
  let total = 0;
  for (const tally of reasons.values()) total += tally.count;
  return total;
}

/** One line per reason, most frequent first: count, first lines, an example problem. */
function reasonLines(reasons: ReadonlyMap<string, ReasonTally>): string[] {
  const sorted = [...reasons].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(...sorted.map(([, t]) => count(t.count).length));
  return sorted.map(([reason, t]) => {
    const lines = `line${t.count === 1 ? "" : "s"} ${t.lines.join(", ")}${t.count > t.lines.length ? ", ..." : ""}`;
    const example = t.example ? `; e.g. line ${t.example.line}${t.example.problem.column ? `, column '${t.example.problem.column}'` : ""}: ${t.example.problem.message}` : "";
    return `  ${count(t.count).padStart(width)}  ${reason} (${lines})${example}`;
  });
}

function unmappedLines(tally: ImportTally, mapping: Mapping): string[] {
  if (tally.unmappedCalls === 0) return ["unmapped call types: none (every type matched a taxonomy rule)"];
  const types = [...tally.unmapped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const listed = types.slice(0, UNMAPPED_SHOWN);
  const width = count(listed[0][1]).length;
  return [
    "",
    `unmapped call types: ${count(types.length)}${tally.unmappedOverflow ? "+" : ""} type${types.length === 1 ? "" : "s"}, ${count(tally.unmappedCalls)} calls (${percent(tally.unmappedCalls, tally.kept)}), ` +
      `imported as '${mapping.taxonomy.unmappedCategory}'; ${types.length > UNMAPPED_SHOWN ? `the ${UNMAPPED_SHOWN} most frequent` : "all of them"} ` +
      `(map them in ${shown(mapping.taxonomy.files[0])}):`,
    ...listed.map(([type, n]) => `  ${count(n).padStart(width)}  ${type}`),
  ];
}

const MEASURE_LABELS: Record<ObservedMeasure, string> = {
  dispatchedMin: "dispatch delay (received -> dispatched)",
  enrouteMin: "received -> en route",
  arrivedMin: "response time (received -> arrived)",
  onSceneMin: "time on scene (arrived -> cleared)",
};

function observedLines(tally: ImportTally): string[] {
  const measures = (Object.keys(MEASURE_LABELS) as ObservedMeasure[]).filter((m) => tally.observed[m].count > 0);
  if (measures.length === 0) return ["", "observed times: none in this export (no dispatch, arrival or clear times)"];
  const rows = measures.map((m) => {
    const sketch = tally.observed[m];
    const q = (p: number) => sketch.quantile(p)!.toFixed(1);
    return [MEASURE_LABELS[m], count(sketch.count), q(0.5), q(0.9), sketch.mean!.toFixed(1)];
  });
  return ["", ...alignColumns([["observed times, minutes", "calls", "p50", "p90", "mean"], ...rows])];
}

/** A file as the user would type it from here. */
function shown(file: string): string {
  return isAbsolute(file) ? relative(process.cwd(), file) || file : file;
}

function dayName(day: number): string {
  return `${WEEKDAY_NAMES[weekday(day)]} ${formatCivilDate(day)}`;
}
