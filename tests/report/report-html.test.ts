/**
 * report.html as built in memory from the fixture: self-contained, escaped, complete, and the
 * same bytes every time.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { renderReport, type ReportFiles } from "../../src/report/build-report.js";
import { reportHtml } from "../../src/report/report-html.js";
import type { SweepSection } from "../../src/report/sweep-csv.js";
import { fixtureDocument } from "./fixture.js";

const ATTACK = "<script>alert(1)</script>";

const page = (files: ReportFiles) => files.get("report.html") as string;

describe("renderReport", () => {
  let files: ReportFiles;
  let html: string;
  beforeAll(async () => {
    files = await renderReport(fixtureDocument());
    html = page(files);
  });

  it("writes report.html last and each chart as Vega-Lite, SVG and PNG", () => {
    const paths = [...files.keys()];
    expect(paths[paths.length - 1]).toBe("report.html");
    for (const id of ["response-time", "bh-outcomes", "routing", "cost", "utilization-by-hour"]) {
      for (const extension of ["vl.json", "svg", "png"]) expect(paths).toContain(`charts/${id}.${extension}`);
    }
  });

  it("gives byte-identical files when run twice", async () => {
    const second = await renderReport(fixtureDocument());
    expect([...second.keys()]).toEqual([...files.keys()]);
    for (const [path, content] of files) expect(Buffer.from(second.get(path)!).equals(Buffer.from(content)), path).toBe(true);
  });

  it("puts every chart inline with a numbered one-sentence caption and its PNG's name", () => {
    const images = html.match(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"]+" width="\d+" height="\d+">/g) ?? [];
    expect(images).toHaveLength(5);
    expect(html).toMatch(/<figcaption><strong>Figure 1\.<\/strong> Time from call received to the first unit on scene[^<]*\. <span class="files">charts\/response-time\.png<\/span><\/figcaption>/);
  });

  it("needs nothing from the network: no scripts, links, external images or fonts, and a policy forbidding them", () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(|src="(?!data:)|href=/i);
  });

  it("escapes every string from the scenario, so a name like <script> shows as text", async () => {
    const document = fixtureDocument((d) => {
      d.scenario = ATTACK;
      d.description = ATTACK;
      d.scenarioFile = `${ATTACK}.yaml`;
      d.models[ATTACK] = { ...d.models["co-responder"], description: ATTACK };
      delete d.models["co-responder"];
      d.assumptions![0] = { parameter: ATTACK, label: ATTACK, value: ATTACK, sources: [{ key: `${ATTACK}.x`, text: ATTACK }] };
    });
    const attacked = await renderReport(document);
    const text = page(attacked);
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(text).toContain(`<title>&lt;script&gt;alert(1)&lt;/script&gt;: response models compared</title>`);
    for (const [path, content] of attacked) {
      if (path.endsWith(".svg")) expect(content as string).not.toMatch(/<script/i);
    }
  });

  it("writes the decision summary, the comparison tables, the assumptions with their sources, and the method", () => {
    expect(html).toContain("<h2>Decision summary</h2>");
    expect(html).toContain("Compared with police-only, co-responder would");
    expect(html).toContain("they do not cover uncertainty in the scenario&#39;s inputs");
    expect(html).not.toMatch(/divert/i);
    expect(html).toContain("Difference from police-only (paired by replication)");
    expect(html).toMatch(/<td class="num clear" data-label="co-responder − police-only">\+5\.5<span class="ci">\+4\.9 to \+6\.1<\/span><\/td>/);
    expect(html).toContain(`<p><code>cost</code> Dee &amp; Pyne 2022</p><p><code>holdMin</code> El Paso booking times</p>`);
    expect(html).toContain(`<span class="na">none given</span>`);
    expect(html).toContain("10 independent replications of 365 days, after 7 days of warm-up that are not counted, from seed 7");
  });

  it("says where the parameters are when summary.json predates the assumptions list", () => {
    const text = reportHtml({ document: fixtureDocument((d) => delete d.assumptions), charts: [], sweep: { status: "absent" } });
    expect(text).toContain("they are in the scenario file, scenarios/fixture-city.yaml.");
  });

  it("adds a sweep section with a curve per metric, or says why the sweep is not drawn", async () => {
    const sweep: SweepSection = {
      status: "charted",
      parameter: "models.centralized-outreach.dispatch[0].uptake",
      curves: [{ metric: "fallbackRate", rows: [0.5, 1].map((x) => ({ x, model: "centralized-outreach", mean: x / 10, ciLow: x / 12, ciHigh: x / 8 })) }],
    };
    const withSweep = await renderReport(fixtureDocument(), sweep);
    expect(withSweep.has("charts/sweep-fallbackRate.png")).toBe(true);
    expect(page(withSweep)).toContain("<h2>Sweep: models.centralized-outreach.dispatch[0].uptake</h2>");
    expect(page(withSweep)).toContain("<strong>Figure 6.</strong> Share of eligible calls routed");
    const skipped = reportHtml({ document: fixtureDocument(), charts: [], sweep: { status: "skipped", reason: "sweep.csv sweeps two parameters" } });
    expect(skipped).toContain(`<p class="note">sweep.csv sweeps two parameters.</p>`);
  });
});
