/**
 * The start of every report page, up to `<body>`: one self-contained page (no network: the
 * Content-Security-Policy allows only inline styles and data: images) with the report's styles.
 */
import { html, type SafeHtml } from "./html-escape.js";
import { REPORT_STYLE } from "./report-style.js";

/** Doctype, head (title, the shared styles and `extraStyle`) and the opening body tag. */
export function pageHead(title: string, extraStyle: SafeHtml | "" = ""): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${title}</title>
<style>
${REPORT_STYLE}${extraStyle}</style>
</head>
<body>
`;
}
