/**
 * `resim report` on a sweep or sensitivity folder: a study has no summary.json (no single run to
 * brief on), so its page has the sections that fit: the study's charts (the sweep curves or the
 * tornado, drawn from the Vega-Lite specs the study wrote), then its table (the terminal table, as
 * HTML). Committed like a run's report, tied to study.json and the chart specs it drew, so a later
 * study into the folder removes it with them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { readStudyPart, type StudyManifest } from "../experiment/study.js";
import { commitFolder, readBasis } from "../output/folder-commit.js";
import { OutputError } from "../output/atomic-write.js";
import { html, type SafeHtml } from "./html-escape.js";
import { pageHead } from "./page-head.js";
import { renderChart } from "./render-chart.js";
import { ReportInputError } from "./report-error.js";
import { metricLabel } from "./metric-labels.js";
import { IN_WORDS, studyTableContent, type StudyTableBlock } from "./study-tables.js";
import { uncertaintySentence } from "./uncertainty-words.js";

/** True when `folder` holds a study (study.json) and no run summary. */
export function isStudyFolder(folder: string): boolean {
  return !existsSync(join(folder, "summary.json")) && existsSync(join(folder, "study.json"));
}

/** The chart specs a complete study wrote (see study-files.ts), in the order of its settings. */
function chartFiles(manifest: StudyManifest): string[] {
  if (manifest.kind === "sensitivity") return ["tornado.vl.json"];
  const charts = (manifest.settings.charts ?? []) as { metric: string }[];
  return charts.map(({ metric }) => `sweep-${metric}.vl.json`);
}

/**
 * Builds report.html and charts/ for the study in `folder`; returns the paths written, report.html last.
 *
 * @throws {ReportInputError} if the study is a shard (merge it first) or its files changed since written.
 */
export async function writeStudyReport(folder: string): Promise<{ files: string[]; notes: string[] }> {
  let part;
  try {
    part = readStudyPart(folder);
  } catch (error) {
    throw new ReportInputError((error as Error).message);
  }
  const { manifest } = part;
  if (manifest.kind === "uncertainty") {
    throw new ReportInputError(`${folder} holds draws of an uncertainty analysis as shard parts (study.json, points/): combine the shards first with resim merge FOLDER... --out DIR, then report on DIR`);
  }
  // Files are read in name order; the tables index points by number (the base is point 0).
  const points = [...part.points].sort((x, y) => x.point - y.point);
  if (points.length < manifest.points) {
    throw new ReportInputError(`${folder} holds ${points.length} of the study's ${manifest.points} points (a shard): combine the shards first with resim merge FOLDER... --out DIR, then report on DIR`);
  }
  // A sweep whose first parameter is not numeric wrote no curves: its report is the table alone.
  const specs = chartFiles(manifest).filter((file) => existsSync(join(folder, file)));
  let basis;
  try {
    basis = readBasis(folder, ["study.json", ...specs]);
  } catch (error) {
    if (error instanceof OutputError) throw new ReportInputError(error.message);
    throw error;
  }
  if (basis.problems.length > 0) {
    const problems = basis.problems.map(({ file, problem }) => `${file}: ${problem}`);
    throw new ReportInputError(`${problems.join("\n")}\n${folder} changed after resim wrote it, or was copied incompletely: run the ${manifest.kind} again`);
  }
  const files = new Map<string, string | Uint8Array>();
  const figures: SafeHtml[] = [];
  for (const file of specs) {
    const spec = JSON.parse(readFileSync(join(folder, file), "utf8")) as TopLevelSpec;
    const id = file.replace(/\.vl\.json$/, "").replace(/[^A-Za-z0-9]+/g, "-");
    const { svg, png } = await renderChart(spec);
    files.set(`charts/${id}.vl.json`, JSON.stringify(spec, null, 2) + "\n");
    files.set(`charts/${id}.svg`, svg);
    files.set(`charts/${id}.png`, png);
    const source = `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
    figures.push(html`<figure id="chart-${id}">
<img src="${source}" alt="${id}">
<figcaption><strong>Figure ${figures.length + 1}.</strong> ${figureCaption(manifest, file)} <span class="files">charts/${id}.png</span></figcaption>
</figure>
`);
  }
  files.set("report.html", studyPage(manifest, studyTableContent(manifest, points, undefined, IN_WORDS), figures));
  const written = commitFolder(folder, files, { set: "report", builtFrom: basis.builtFrom });
  return { files: written, notes: [] };
}

function studyPage(manifest: StudyManifest, content: ReturnType<typeof studyTableContent>, figures: readonly SafeHtml[]): string {
  const what = manifest.kind === "sweep" ? "Sweep" : "Sensitivity analysis";
  const explanation =
    manifest.kind === "sweep"
      ? "The scenario was run again at each value shown, on the same replication seeds, so the curves differ only by what the parameter changes."
      : "Each uncertain parameter was set to its low and then its high value, one at a time, with everything else as in the scenario, on the same replication seeds as the base run; the longest bars are the inputs the result depends on most.";
  return html`${pageHead(`${manifest.scenario}: ${what.toLowerCase()}`)}<header>
<p class="kicker">${what}</p>
<h1>${content.title}</h1>
<p class="meta">${manifest.replications} replications of ${manifest.horizonDays} days · seed ${manifest.seed} · scenario file ${manifest.scenarioFile}</p>
<p class="meta">Key paths (for the scenario file and --set): ${keyPaths(manifest).map((path, i) => html`${i > 0 ? ", " : ""}<code>${path}</code>`)}</p>
</header>
<main>
<section id="study">
<h2>${what}</h2>
<p>${explanation} ${uncertaintySentence(manifest)} Totals and counts are over the ${manifest.horizonDays} measured days of each run, not a year.</p>
${content.notes.map((note) => html`<p>${note}</p>\n`)}${figures}</section>
<section id="numbers">
<h2>Numbers</h2>
${content.blocks.map(block)}</section>
</main>
<footer><p>Made by resim from the ${manifest.kind}'s study.json and points/. The same study always gives this same page.</p></footer>
</body>
</html>
`.markup;
}

/** What a study chart shows, in words, before its file name. */
function figureCaption(manifest: StudyManifest, file: string): string {
  const parameters = (manifest.settings.parameters as { path: string }[]).map((p) => IN_WORDS.parameter(p.path));
  if (manifest.kind === "sensitivity") {
    const model = String(manifest.settings.model ?? manifest.baseline);
    return `How far each input, set to its low and then its high value, moves ${IN_WORDS.metric(String(manifest.settings.metric))} for ${model}; the longest bars are the inputs that matter most.`;
  }
  const metric = file.replace(/^sweep-/, "").replace(/\.vl\.json$/, "");
  return `${metricLabel(metric)} at each value of ${parameters.join(" and ")}, per model, with 95% intervals.`;
}

/** The study's parameters, then (a sensitivity analysis) its metric, as key paths: the page names them in words. */
function keyPaths(manifest: StudyManifest): string[] {
  const parameters = (manifest.settings.parameters as { path: string }[]).map((p) => p.path);
  return manifest.kind === "sweep" ? parameters : [...parameters, String(manifest.settings.metric)];
}

function block({ heading, rows, textColumns }: StudyTableBlock): SafeHtml {
  const [header, ...body] = rows;
  const cell = (text: string, c: number) => (c < textColumns ? html`<td>${text}</td>` : html`<td class="num">${text}</td>`);
  return html`<table class="numbers">
${heading ? html`<caption>${heading}</caption>` : ""}
<thead><tr>${header.map((text, c) => html`<th scope="col"${c < textColumns ? "" : html` class="num"`}>${text}</th>`)}</tr></thead>
<tbody>
${body.map((row) => html`<tr>${row.map(cell)}</tr>\n`)}</tbody>
</table>
`;
}
