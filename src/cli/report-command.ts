/** `resim report`: charts and a one-file HTML report from a run's folder, for briefings. */
import { Command } from "commander";
import { join } from "node:path";
import { ReportInputError } from "../report/report-error.js";
import { UsageError } from "./usage-error.js";

/**
 * Builds the report of the run in `folder` and says what it wrote (unless `quiet`).
 *
 * @throws {UsageError} if the folder holds no results of a kind it reports on, or they are damaged (exit code 2).
 */
export async function buildReportInFolder(folder: string, quiet = false): Promise<void> {
  let report;
  try {
    // Loaded here, not at startup: the chart renderer (vega, resvg) takes about half a second to
    // load, which every other command (and every CLI test) would pay for nothing.
    const { writeReport } = await import("../report/build-report.js");
    report = await writeReport(folder);
  } catch (error) {
    if (error instanceof ReportInputError) throw new UsageError(error.message);
    throw error;
  }
  for (const note of report.notes) process.stderr.write(`resim: note: ${note}\n`);
  if (!quiet) {
    const charts = report.files.filter((file) => file.endsWith(".png")).length;
    process.stdout.write(`wrote ${report.files[report.files.length - 1]} and ${charts} charts (SVG, PNG, Vega-Lite) in ${join(folder, "charts")}\n`);
  }
}

/** The `report` command: exit 0 with the files written, or 2 when the folder holds nothing it reports on. */
export function reportCommand(): Command {
  return new Command("report")
    .description("write report.html and charts/ (Vega-Lite, SVG, PNG) from a run's folder")
    .argument("<dir>", "the output folder of resim run, compare, sweep, sensitivity, uncertainty or staff")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText(
      "after",
      `
Examples:
  resim report reports/riverton
  resim run scenarios/riverton.yaml --report      (the same, right after the run)

Writes DIR/report.html, one self-contained page (charts inline, no network) that opens offline and
prints, and DIR/charts/NAME.vl.json, .svg and .png for each chart; the PNGs are sized for slides.
If DIR also holds a one-parameter sweep.csv (resim sweep ... --out DIR), its curves are included.
A 'resim compare' folder gives the same report, each B model against its A counterpart. A sweep or
sensitivity folder (no summary.json) gives the study's charts (curves or tornado) and its table.
An uncertainty folder gives the inputs drawn, the probability that each option is better and
cost-effective, the acceptability curves and the tornadoes; in a run's folder, the same section
joins the run's report. A staff folder gives the targets, the cheapest roster that meets them,
a chart of every roster's cost against each target, and the rosters simulated.
The same folder always gives byte-identical files.`,
    )
    .action(async (folder: string, flags: { quiet?: boolean }) => {
      await buildReportInFolder(folder, flags.quiet);
    });
}
