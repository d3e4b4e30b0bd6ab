/**
 * For a comparison of two scenario files (`resim compare A.yaml B.yaml`): what each file switches
 * on, its key parameters and its caveats, labelled A and B. The document's own `caveats` and
 * `assumptions` are A's; B's are in `comparison.b` (report/compare-output.ts). Showing A's alone
 * would tell a reader that B has none of the barriers it exists to switch on.
 */
import { caveatsSection, switchedOnList } from "./caveats-html.js";
import { html, SafeHtml } from "./html-escape.js";
import { assumptionsTable } from "./report-tables.js";
import type { Assumption, SummaryDocument } from "./summary-files.js";

type Comparison = NonNullable<SummaryDocument["comparison"]>;

/** "A (scenarios/riverton.yaml)": a side of the comparison as the page names it. */
function side(comparison: Comparison, which: "a" | "b"): string {
  return `${which.toUpperCase()} (${comparison[which].scenarioFile})`;
}

/** B's document as far as the caveat and assumption renderers read it. */
function bDocument(document: SummaryDocument, comparison: Comparison): SummaryDocument {
  return { ...document, scenarioFile: comparison.b.scenarioFile, caveats: comparison.b.caveats, assumptions: comparison.b.assumptions };
}

/** The same part rendered for B, its element ids suffixed so the page keeps each id once. */
function forB(markup: SafeHtml | string): SafeHtml {
  return new SafeHtml(String(markup).replace(/ id="([^"]+)"/g, ' id="$1-b"'));
}

/** What A switches on, then what B switches on, each under its file's name. */
export function comparisonSwitches(document: SummaryDocument, comparison: Comparison): SafeHtml {
  const missing = html`<p>This summary.json was written before resim kept B's switches; run the comparison again for them.</p>`;
  return html`<h3 id="scenario-a">Scenario ${side(comparison, "a")}</h3>
${switchedOnList(document)}
<h3 id="scenario-b">Scenario ${side(comparison, "b")}</h3>
${comparison.b.caveats ? forB(switchedOnList(bDocument(document, comparison))) : missing}
`;
}

/** A parameter's value and sources, to tell whether B sets it as A does. */
const sameAs = (x: Assumption, y: Assumption | undefined) => y !== undefined && x.value === y.value && JSON.stringify(x.sources) === JSON.stringify(y.sources);

/**
 * A's key parameters, then those of B that differ from A's (a value or a cited source not the
 * same, or a parameter only B has), so the table shows what the comparison changes.
 */
export function comparisonAssumptions(document: SummaryDocument, comparison: Comparison): SafeHtml {
  const a = document.assumptions ?? [];
  const b = comparison.b.assumptions;
  let bPart: SafeHtml;
  if (b === undefined) {
    bPart = html`<p>This summary.json was written before resim kept B's parameters; they are in ${comparison.b.scenarioFile}.</p>`;
  } else {
    const differing = b.filter((x) => !sameAs(x, a.find((y) => y.parameter === x.parameter)));
    const onlyA = a.filter((x) => !b.some((y) => y.parameter === x.parameter)).map((x) => x.parameter);
    const gone = onlyA.length > 0 ? html`<p>Listed for A but not for B (B does not set or use them): ${onlyA.map((p, i) => html`${i > 0 ? ", " : ""}<code>${p}</code>`)}.</p>` : "";
    bPart =
      differing.length === 0
        ? html`<p>B's key parameters listed here have the same values and sources as A's; what B changes is in what it switches on, above.</p>${gone}`
        : html`<p>B's key parameters that differ from A's (the rest are as above):</p>
${assumptionsTable({ ...bDocument(document, comparison), assumptions: differing })}${gone}`;
  }
  return html`<h3 id="assumptions-a">Scenario ${side(comparison, "a")}</h3>
${assumptionsTable(document)}
<h3 id="assumptions-b">Scenario ${side(comparison, "b")}</h3>
${bPart}
`;
}

/** What the simulation leaves out for A, then for B. */
export function comparisonCaveats(document: SummaryDocument, comparison: Comparison): SafeHtml {
  return html`<h3 id="caveats-a">Scenario ${side(comparison, "a")}</h3>
${caveatsSection(document)}
<h3 id="caveats-b">Scenario ${side(comparison, "b")}</h3>
${comparison.b.caveats ? caveatsSection(bDocument(document, comparison)) : html`<p>This summary.json was written before resim kept B's caveats; run the comparison again for them.</p>`}
`;
}
