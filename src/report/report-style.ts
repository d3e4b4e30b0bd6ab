/**
 * The report page's style sheet: readable on screen, on a phone (tables stack, charts scale) and
 * on paper (A4 or Letter, greyscale): the decision summary fills the first page, figures, short
 * tables and table rows are not split across pages, links print their address, and the numbers
 * in tables line up (tabular figures). Only system fonts metric-compatible with the chart font.
 * tests/report/report-browser.test.ts checks all of this in Chromium.
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
.count { display: block; font-size: 0.85em; }
.differences td.clear { font-weight: bold; }
.differences td.unclear { color: #777777; }
.na { color: #888888; }
.assumptions td p { margin: 0 0 0.3rem; }
.assumptions code { display: block; font-size: 0.8em; color: #555555; word-break: break-all; }
.assumptions th { width: 26%; }
.assumptions td:nth-child(2) { width: 30%; }
.option-sentence { font-size: 1.05rem; }
.decision td.num { white-space: normal; min-width: 8.5rem; }
.decision .level, .decision .change, .decision .verdict { display: block; }
.decision .change { font-size: 0.92em; }
.decision .change.none, .decision .change.unclear { color: #555555; }
.verdict { font-size: 0.85em; font-weight: bold; }
.verdict.none, .verdict.unclear { font-weight: normal; font-style: italic; color: #555555; }
.decision tr.ratio th, .decision tr.ratio td { background: #f5f5f5; }
td .na { white-space: normal; }
.mark { display: block; font-size: 0.85em; color: #7a4a00; margin-top: 0.2rem; }
.switches code { font-size: 0.8em; color: #555555; word-break: break-all; }
#method code, .meta code { word-break: break-all; }
figure { margin: 1.6rem 0 2rem; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 0.5rem; font-size: 0.95rem; }
figcaption .files { display: block; }
footer { margin-top: 3rem; color: #555555; font-size: 0.85rem; }
/* A phone: tables become one block per row, each value named by its column (data-label). */
@media (max-width: 640px) {
  body { padding: 1rem 0.75rem 2rem; }
  h1 { font-size: 1.4rem; }
  table.numbers, table.numbers tbody, table.numbers tr, table.numbers th, table.numbers td,
  table.assumptions, table.assumptions tbody, table.assumptions tr, table.assumptions th, table.assumptions td { display: block; width: auto; }
  table.numbers thead, table.assumptions thead { display: none; }
  table.numbers caption { display: block; }
  table.numbers tr, table.assumptions tr { border-bottom: 1px solid #d6d6d6; padding: 0.45rem 0; }
  table.numbers tbody th, table.assumptions tbody th { font-weight: bold; border: 0; padding: 0.1rem 0; }
  table.numbers td, table.assumptions td { border: 0; text-align: left; padding: 0.15rem 0 0.15rem 0.75rem; white-space: normal; min-width: 0; }
  td[data-label]::before { content: attr(data-label); display: block; color: #555555; font-size: 0.8em; }
  .ci { display: inline; margin-left: 0.4em; }
  .ci::before { content: "("; }
  .ci::after { content: ")"; }
  .count { display: inline; margin-left: 0.4em; }
  .count::before { content: "· "; }
  .assumptions th, .assumptions td:nth-child(2) { width: auto; }
}
@page { margin: 12mm 14mm; }
/*
 * Paper: compact type so the decision summary fits its first page (A4 and Letter) and tables fit
 * on as few pages as they can. Nothing is sticky or fixed, so nothing repeats over the text.
 */
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.35; }
  .kicker { font-size: 7.5pt; }
  h1 { font-size: 14pt; margin-bottom: 0.3rem; }
  h2 { font-size: 13pt; margin: 1.2rem 0 0.4rem; }
  h2, h3, caption { break-after: avoid; }
  table { font-size: 8.5pt; margin: 0.4rem 0 1rem; }
  caption { font-size: 8.5pt; }
  th, td { padding: 0.15rem 0.4rem; }
  /* Tables that fit on a page stay whole; longer ones break only between rows and repeat their header. */
  figure, tr, .lead, table.numbers, .option-sentence { break-inside: avoid; }
  thead { display: table-header-group; }
  /*
   * The decision summary is the first page; the rest starts on the next. Each cell takes three
   * lines (level; change and its interval; count and verdict). Should more options not fit, the
   * table breaks between rows rather than leave the first page empty.
   */
  #decision { break-after: page; }
  header .lead, header .meta { font-size: 8.5pt; margin-bottom: 0.2rem; }
  #decision h2 { margin-top: 0.8rem; }
  #decision table { break-inside: auto; font-size: 8pt; line-height: 1.2; margin: 0.3rem 0 0.4rem; }
  #decision caption { font-size: 7.5pt; padding-bottom: 0.2rem; }
  #decision th, #decision td { padding: 0.1rem 0.3rem; }
  #decision tbody th { width: 21%; }
  .decision td.num { min-width: 0; }
  .decision tr.ratio .na { font-size: 0.9em; }
  .decision .change .ci { display: inline; margin-left: 0.3em; }
  .decision .change .ci::before { content: "("; }
  .decision .change .ci::after { content: ")"; }
  .decision .change ~ .ci, .decision .change ~ .verdict { display: inline; }
  .decision .change ~ .ci + .verdict::before { content: " · "; font-weight: normal; font-style: normal; }
  #decision .option-sentence { font-size: 8.5pt; margin: 0.25rem 0; }
  #decision .note { font-size: 7.5pt; line-height: 1.25; margin: 0.2rem 0; }
  figure { margin: 0.8rem 0 1.2rem; }
  figure img { max-height: 22cm; width: auto; }
  /* Links are sources a reader of the paper copy may want: their address follows their text. */
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
}
`);
