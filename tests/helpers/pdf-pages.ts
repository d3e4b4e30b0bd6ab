/**
 * Reads what a browser test needs from a PDF Chromium printed: its pages in order (with their
 * size) and its named destinations (where each linked element starts: page and height on the
 * page). Chromium (Skia) writes every object uncompressed at top level, with the pages in a
 * tree of /Pages nodes, so the page order is read from that tree, not from object numbers.
 * Nothing in poppler or pdf.js is needed, so CI needs only Chromium.
 */

export interface PdfPage {
  /** Page size in points (1/72 inch). */
  width: number;
  height: number;
}

export interface PdfDestination {
  /** 0-based page index. */
  page: number;
  /** The destination's height on the page, in points from the page's bottom edge. */
  y: number;
}

export interface PdfOutline {
  pages: PdfPage[];
  /** The page count the document's root /Pages node declares. */
  declaredCount: number;
  destinations: Map<string, PdfDestination>;
}

export function readPdf(bytes: Uint8Array): PdfOutline {
  const text = Buffer.from(bytes).toString("latin1");
  if (!text.startsWith("%PDF-")) throw new Error("not a PDF: it does not start with %PDF-");
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*([^]*?)endobj/g)) objects.set(Number(m[1]), m[2]);
  const object = (ref: number): string => {
    const body = objects.get(ref);
    if (body === undefined) throw new Error(`PDF object ${ref} 0 R is referred to but not found`);
    return body;
  };
  const rootRef = /\/Root (\d+) 0 R/.exec(text);
  if (!rootRef) throw new Error("PDF has no /Root catalog");
  const catalog = object(Number(rootRef[1]));
  const pagesRef = Number(required(/\/Pages (\d+) 0 R/.exec(catalog), "catalog /Pages")[1]);
  const declaredCount = Number(required(/\/Count (\d+)/.exec(object(pagesRef)), "root /Count")[1]);

  const pages: (PdfPage & { ref: number })[] = [];
  const walk = (ref: number): void => {
    const body = object(ref);
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = required(/\/Kids\s*\[([^\]]*)\]/.exec(body), `/Kids of ${ref} 0 R`)[1];
      for (const kid of kids.matchAll(/(\d+) 0 R/g)) walk(Number(kid[1]));
      return;
    }
    const box = required(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(body), `/MediaBox of page ${ref} 0 R`);
    pages.push({ ref, width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) });
  };
  walk(pagesRef);

  const pageIndex = new Map(pages.map((p, i) => [p.ref, i]));
  const destinations = new Map<string, PdfDestination>();
  const destsRef = /\/Dests (\d+) 0 R/.exec(catalog);
  if (destsRef) {
    for (const d of object(Number(destsRef[1])).matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R\s*\/XYZ\s+([-\d.]+)\s+([-\d.]+)/g)) {
      const page = pageIndex.get(Number(d[2]));
      if (page !== undefined) destinations.set(d[1], { page, y: Number(d[4]) });
    }
  }
  return { pages: pages.map(({ width, height }) => ({ width, height })), declaredCount, destinations };
}

function required(match: RegExpExecArray | null, what: string): RegExpExecArray {
  if (!match) throw new Error(`PDF has no ${what}`);
  return match;
}
