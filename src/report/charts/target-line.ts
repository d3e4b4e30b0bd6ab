/**
 * The city's targets as chart lines. A scenario states one today: `targets.priority1ResponseMin`,
 * the response time the city aims to reach priority-1 calls within; it is drawn wherever a
 * priority-1 response time is (summary.json files from before targets were recorded draw none).
 */
import type { SummaryDocument } from "../summary-files.js";
import type { PanelTarget } from "./interval-panels.js";

/** The target line for `metric`, when the document states a target for it. */
export function metricTarget(document: Pick<SummaryDocument, "targets">, metric: string): PanelTarget | undefined {
  const minutes = document.targets?.priority1ResponseMin;
  if (minutes === undefined || !/(^|\.)responseMin\.(mean|p50|p90)\.priority1$/.test(metric)) return undefined;
  return { value: minutes, label: `city target: ${Number(minutes.toFixed(2))} min` };
}
