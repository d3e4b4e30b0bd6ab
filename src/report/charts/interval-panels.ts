/**
 * The building block of most report charts: one small panel per quantity, a horizontal bar per
 * model at its mean, a black error bar for the 95% confidence interval and the value written at
 * the end. Models are named on the vertical axis (colour only repeats that), so a panel reads the
 * same in greyscale. Panels are laid out in rows; a row shares its models, so only its first panel
 * names them.
 */
import { modelColorScale } from "./chart-theme.js";

/** A fragment of a Vega-Lite spec (the full spec is checked by vega-lite when compiled). */
export type SpecPart = Record<string, unknown>;

/** One model's estimate of one quantity, ready to draw. */
export interface IntervalRow {
  model: string;
  mean: number;
  /** 95% interval; equal to `mean` when there is no interval (a single replication). */
  low: number;
  high: number;
  /** The value as written at the end of the bar, e.g. "13.2" or "84.3%". */
  label: string;
}

/** One panel: a title and an optional second line under it, its rows and its value axis. */
export interface IntervalPanel {
  title: string;
  subtitle?: string;
  rows: IntervalRow[];
  axisTitle: string;
  /** d3-format string for the value axis, e.g. ".0%" or "$,.2~s"; default plain numbers. */
  axisFormat?: string;
  /** Upper end of the value axis; default: the largest interval end, with room for the labels. */
  domainMax?: number;
}

/** Width of one panel's plot area, pixels. */
export const PANEL_WIDTH = 150;
/** Height of one model's band, pixels. */
export const BAND_HEIGHT = 26;

/** Room to the right of the longest bar for its label: a share of the axis. */
const LABEL_ROOM = 1.3;

/** The axis end that fits every interval of `rows` and its label. */
export function panelDomainMax(rows: readonly IntervalRow[]): number {
  const top = Math.max(0, ...rows.map((r) => r.high));
  return top === 0 ? 1 : top * LABEL_ROOM;
}

/**
 * A single panel as a layered Vega-Lite view: `models` are the bands, in order; `colorModels` the
 * list colours are assigned from (every model of the run, so a model keeps its colour in every
 * chart); `showModels` writes the model names on the axis.
 */
export function intervalPanel(panel: IntervalPanel, models: readonly string[], colorModels: readonly string[], showModels: boolean): SpecPart {
  const y = {
    field: "model",
    type: "nominal",
    sort: [...models],
    scale: { domain: [...models] },
    title: null,
    axis: showModels ? { labelLimit: 160, ticks: false, domain: false } : null,
  };
  const x = {
    field: "mean",
    type: "quantitative",
    title: panel.axisTitle,
    scale: { domain: [0, panel.domainMax ?? panelDomainMax(panel.rows)], nice: false },
    axis: { tickCount: 4, ...(panel.axisFormat ? { format: panel.axisFormat } : {}) },
  };
  return {
    title: { text: panel.title, ...(panel.subtitle ? { subtitle: panel.subtitle } : {}), fontSize: 13, subtitleFontSize: 12, anchor: "start" },
    width: PANEL_WIDTH,
    height: { step: BAND_HEIGHT },
    data: { values: panel.rows },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: { y, x, color: { field: "model", type: "nominal", scale: modelColorScale(models, colorModels), legend: null } },
      },
      {
        mark: { type: "rule", color: "black", strokeWidth: 1.5 },
        encoding: { y, x: { field: "low", type: "quantitative" }, x2: { field: "high" } },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 12, color: "#111111" },
        encoding: { y, x: { field: "high", type: "quantitative" }, text: { field: "label" } },
      },
    ],
  };
}

/** Rows of panels: each row a horizontal concatenation, rows stacked. Arguments as for {@link intervalPanel}. */
export function intervalPanelGrid(rows: readonly (readonly IntervalPanel[])[], models: readonly string[], colorModels: readonly string[] = models): SpecPart {
  const lines = rows.map((panels) => ({ hconcat: panels.map((panel, i) => intervalPanel(panel, models, colorModels, i === 0)), spacing: 18 }));
  return lines.length === 1 ? lines[0] : { vconcat: lines, spacing: 22 };
}
