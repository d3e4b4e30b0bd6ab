/**
 * A run's provenance in its outputs: summary.json's `provenance`, the assumptions table's marks on
 * overridden values, `provenance.csv`, and the lines under the terminal table's heading.
 *
 * provenance.csv is one tidy table (columns item, order, name, value, detail) rather than a
 * comment header on every CSV (which R and pandas would read as data); summary.csv and
 * replications.csv carry only the scenario, seed and version, as trailing columns
 * (analyst-columns.ts), so runs can be stacked without breaking readers that know the first ones.
 */
import type { RunOutput, Assumption } from "./summary-files.js";
import { sourceCovers } from "./assumption-sources.js";
import { describeOverride, portableFileName, type Provenance } from "../scenario/provenance.js";
import type { OverrideRecord } from "../scenario/assignments.js";
import { toCsv } from "./csv.js";

/**
 * `output` with its provenance recorded: `provenance` in the document, the scenario file named
 * the same on every machine, and each assumption that an override changed marked as such.
 */
export function withProvenance(output: RunOutput, provenance: Provenance): RunOutput {
  const { document } = output;
  return {
    ...output,
    document: {
      ...document,
      scenarioFile: portableFileName(document.scenarioFile),
      assumptions: document.assumptions && markOverridden(document.assumptions, provenance.overrides),
      provenance,
    },
  };
}

/** Rows whose parameter an override set (or set a part of, or set whole) carry the overrides. */
export function markOverridden(assumptions: readonly Assumption[], overrides: readonly OverrideRecord[]): Assumption[] {
  return assumptions.map((row) => {
    const mine = overrides.filter((o) => sourceCovers(row.parameter, o.path) || sourceCovers(o.path, row.parameter));
    if (mine.length === 0) return row;
    return { ...row, overriddenBy: mine.map((o) => ({ override: describeOverride(o), ...("was" in o ? { was: o.was } : {}) })) };
  });
}

/** "overridden by --set a.b=4 (was 3; source: ...)" for the assumptions table; one line per override. */
export function overrideNotes(row: Assumption): string[] {
  const source = row.sources.length === 0 ? "none given" : row.sources.map((s) => s.text).join("; ");
  return (row.overriddenBy ?? []).map((o) => {
    const was = "was" in o ? `was ${JSON.stringify(o.was)}` : "was the default";
    return `overridden by ${o.override} (${was}; the file's source: ${source})`;
  });
}

/** provenance.csv: the version, the digest, each input, each override in order. */
export function provenanceCsv(provenance: Provenance): string {
  const rows: (string | number | null)[][] = [
    ["resim_version", null, "resim", provenance.resimVersion, null],
    ["scenario_digest", null, "sha256", provenance.scenarioDigest, "over the inputs below"],
    ...provenance.inputs.map((input, i) => ["input", i + 1, input.file, input.sha256, input.role]),
    ...provenance.overrides.map((o, i) => ["override", i + 1, o.path, JSON.stringify(o.value), `from ${o.given}`]),
  ];
  return toCsv(["item", "order", "name", "value", "detail"], rows);
}

/** The lines the terminal table prints under its heading: version and digest, then the overrides. */
export function provenanceLines(provenance: Provenance | undefined): string[] {
  if (!provenance) return [];
  const files = provenance.inputs.map((i) => (i.role === "scenario" ? i.file : `${i.role} ${i.file}`)).join(", ");
  const lines = [`resim ${provenance.resimVersion}; inputs ${files}; scenario digest ${provenance.scenarioDigest.slice(0, 12)}`];
  lines.push(provenance.overrides.length === 0 ? "overrides: none (the scenario as written)" : `overrides: ${provenance.overrides.map(describeOverride).join(", ")}`);
  return lines;
}
