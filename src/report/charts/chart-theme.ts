/**
 * The look every chart shares: the Okabe-Ito palette (distinguishable with the common forms of
 * colour-blindness; Okabe & Ito 2008, "Color Universal Design"), one typeface, a white background
 * so a chart pasted on a dark slide stays readable, and sizes that survive a projector. Colour is
 * never the only cue: models are named on an axis or told apart by line dash too,
 * so a chart printed in greyscale still reads.
 */
import type { Config } from "vega-lite";
import { CHART_FONT_FAMILY } from "../chart-font.js";

/** Okabe-Ito colours by name. */
export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

/**
 * Colours for models in the order they are listed (baseline first). Yellow is last: it is the
 * palette's one colour too light for thin lines on white.
 */
const MODEL_PALETTE = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** Line dashes by model, in the same order, for greyscale print. */
const MODEL_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3], [10, 2], [3, 6]];

/**
 * A colour scale for `models`, each coloured by its place in `allModels` (every model of the run),
 * so a model keeps its colour in charts that show only some models. Places past the palette reuse it.
 */
export function modelColorScale(models: readonly string[], allModels: readonly string[] = models): { domain: string[]; range: string[] } {
  return { domain: [...models], range: places(models, allModels).map((i) => MODEL_PALETTE[i % MODEL_PALETTE.length]) };
}

/** A strokeDash scale for `models`, like {@link modelColorScale}. */
export function modelDashScale(models: readonly string[], allModels: readonly string[] = models): { domain: string[]; range: number[][] } {
  return { domain: [...models], range: places(models, allModels).map((i) => MODEL_DASHES[i % MODEL_DASHES.length]) };
}

function places(models: readonly string[], allModels: readonly string[]): number[] {
  // Models outside the list (a sweep file from another run) come after the run's own models.
  const order = [...allModels, ...models.filter((model) => !allModels.includes(model))];
  return models.map((model) => order.indexOf(model));
}

/** The Vega-Lite config every chart spec carries, so a spec renders the same anywhere. */
export const CHART_CONFIG: Config = {
  background: "white",
  font: CHART_FONT_FAMILY,
  padding: 8,
  title: { fontSize: 16, subtitleFontSize: 12, subtitleColor: "#444444", anchor: "start", offset: 10 },
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: "#222222", titleColor: "#222222", gridColor: "#e4e4e4", tickColor: "#888888", domainColor: "#888888" },
  header: { labelFontSize: 12, titleFontSize: 12, labelFontWeight: "bold" },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: "bottom", direction: "horizontal" },
  view: { stroke: null },
};
