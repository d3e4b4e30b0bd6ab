/**
 * The report page's style sheet: readable on screen, and on paper (A4 or Letter, greyscale):
 * figures and table rows are not split across pages, links print as text, and the numbers in
 * tables line up (tabular figures). Only system fonts metric-compatible with the chart font.
 */
import { CHART_FONT_FAMILY } from "./chart-font.js";
import { SafeHtml } from "./html-escape.js";

/** The CSS, as markup for a <style> element (it contains no user text). */
export const REPORT_STYLE = new SafeHtml(`:root { color-scheme: light; }
body { font-family: ${CHART_FONT_FAMILY}; color: #1a1a1a; background: #ffffff; line-height: 1.45; max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid #1a1a1a; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: #555555; margin: 0; }
.lead { font-size: 1.08rem; margin: 0 0 0.4rem; }
.meta, .note, figcaption .files { color: #555555; font-size: 0.9rem; }
#headline p { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0 1.6rem; font-size: 0.92rem; }
caption { text-align: left; font-size: 0.88rem; color: #444444; padding-bottom: 0.4rem; }
th, td { border-bottom: 1px solid #d6d6d6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ci { display: block; color: #555555; font-size: 0.85em; }
.differences td.clear { font-weight: bold; }
.differences td.unclear { color: #777777; }
.na { color: #888888; }
.assumptions td p { margin: 0 0 0.3rem; }
.assumptions code { display: block; font-size: 0.8em; color: #555555; word-break: break-all; }
.assumptions th { width: 26%; }
.assumptions td:nth-child(2) { width: 30%; }
figure { margin: 1.6rem 0 2rem; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 0.5rem; font-size: 0.95rem; }
figcaption .files { display: block; }
footer { margin-top: 3rem; color: #555555; font-size: 0.85rem; }
@page { margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  figure, tr, .lead { break-inside: avoid; }
  figure img { max-height: 22cm; width: auto; }
}
`);
