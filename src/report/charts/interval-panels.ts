/**
 * The building block of most report charts: one small panel per quantity, a horizontal bar per
 * model at its mean, a black error bar for the 95% confidence interval and the value written at
 * the end. Models are named on the vertical axis (colour only repeats that), so a panel reads the
 * same in greyscale. Panels are laid out in rows; a row shares its models, so only its first panel
 * names them.
 */
import { modelColorScale, OKABE_ITO } from "./chart-theme.js";
import { labelWidth } from "./label-width.js";

/** A fragment of a Vega-Lite spec (the full spec is checked by vega-lite when compiled). */
export type SpecPart = Record<string, unknown>;

/** One model's estimate of one quantity, ready to draw. */
export interface IntervalRow {
  model: string;
  mean: number;
  /** 95% interval; equal to `mean` when there is no interval (a single replication). */
  low: number;
  high: number;
  /** The value as written at the end of the bar, e.g. "13.2", "84.3%" or "5.7% (51 a year)". */
  label: string;
  /** For a share: the count a year it stands for (counts-a-year.ts); written in `label` too. */
  countAYear?: number;
}

/** A value the city has set, drawn as a dashed vertical line across a panel, e.g. a response target. */
export interface PanelTarget {
  value: number;
  /** Written beside the line, e.g. "city target: 10 min". */
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
  /**
   * The largest value the quantity can take (1 for a share): when the axis runs past it to make
   * room for labels, no tick is drawn there (no "150%" under a share).
   */
  upperBound?: number;
  /** Width of the plot area, pixels; default {@link PANEL_WIDTH}. */
  width?: number;
  /** A target line, when the city has one for this quantity. */
  target?: PanelTarget;
}

/** Width of one panel's plot area, pixels. */
export const PANEL_WIDTH = 150;
/** Height of one model's band, pixels. */
export const BAND_HEIGHT = 26;

/** Room to the right of the longest bar for its label: a share of the axis. */
const LABEL_ROOM = 1.3;
/** Pixels between a bar's interval end and its label (the text mark's dx), plus a margin. */
const LABEL_GAP = 6;
/** A bar keeps at least this share of the panel however long the labels: a label may then overflow a little. */
const MIN_BAR_SHARE = 0.3;

/**
 * The axis end that fits every interval of `rows` and its label (written past the interval's end,
 * in a panel `width` pixels wide), and the target line if there is one.
 */
export function panelDomainMax(rows: readonly IntervalRow[], width = PANEL_WIDTH, target?: PanelTarget): number {
  const top = Math.max(0, ...rows.map((r) => r.high), target ? target.value : 0);
  if (top === 0) return 1;
  // Each row's label must end inside the panel: high / max * width + gap + label <= width.
  const fit = rows.map((r) => (r.high * width) / Math.max(width * MIN_BAR_SHARE, width - LABEL_GAP - labelWidth(r.label)));
  return Math.max(top * LABEL_ROOM, ...fit);
}

/**
 * Gives `panels` one value axis, the one that fits them all, so bars can be compared across panels
 * (the same quantity for different groups or zones). Changes the panels; returns the axis end.
 */
export function shareDomain(panels: readonly IntervalPanel[]): number {
  const domainMax = Math.max(...panels.map((panel) => panelDomainMax(panel.rows, panel.width ?? PANEL_WIDTH, panel.target)));
  for (const panel of panels) panel.domainMax = domainMax;
  return domainMax;
}

/**
 * A single panel as a layered Vega-Lite view: `models` are the bands, in order; `colorModels` the
 * list colours are assigned from (every model of the run, so a model keeps its colour in every
 * chart); `showModels` writes the model names on the axis; `reserveTargetLabel` keeps room above
 * the plot for a target's label when another panel of the row has one, so the row's plots align.
 */
export function intervalPanel(panel: IntervalPanel, models: readonly string[], colorModels: readonly string[], showModels: boolean, reserveTargetLabel = false): SpecPart {
  const y = {
    field: "model",
    type: "nominal",
    sort: [...models],
    scale: { domain: [...models] },
    title: null,
    axis: showModels ? { labelLimit: 160, ticks: false, domain: false } : null,
  };
  const width = panel.width ?? PANEL_WIDTH;
  const domainMax = panel.domainMax ?? panelDomainMax(panel.rows, width, panel.target);
  const x = {
    field: "mean",
    type: "quantitative",
    title: panel.axisTitle,
    scale: { domain: [0, domainMax], nice: false },
    axis: {
      tickCount: 4,
      ...(panel.upperBound !== undefined && domainMax > panel.upperBound ? { values: [0, 0.25, 0.5, 0.75, 1].map((f) => f * panel.upperBound!) } : {}),
      ...(panel.axisFormat ? { format: panel.axisFormat } : {}),
    },
  };
  return {
    title: { text: panel.title, ...(panel.subtitle ? { subtitle: panel.subtitle } : {}), fontSize: 13, subtitleFontSize: 12, anchor: "start" },
    width,
    height: { step: BAND_HEIGHT },
    data: { values: panel.rows },
    layer: [
      // The target line goes under the bars and their labels, so it never hides a value.
      ...(panel.target ? [targetRule(panel.target)] : []),
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
      ...(panel.target ? [targetLabel(panel.target, domainMax)] : reserveTargetLabel ? [targetLabelRoom()] : []),
    ],
  };
}

/** Colour of target lines: vermillion, apart from every bar's colour but the fourth model's. */
const TARGET_COLOR = OKABE_ITO.vermillion;

/** A dashed line at the target, across the panel. */
function targetRule(target: PanelTarget): SpecPart {
  return {
    data: { values: [{ target: target.value }] },
    mark: { type: "rule", color: TARGET_COLOR, strokeWidth: 1.5, strokeDash: [5, 3] },
    encoding: { x: { field: "target", type: "quantitative" } },
  };
}

/** Font size of a target's label. */
const TARGET_LABEL_SIZE = 11;

/**
 * The target's label above the plot, to the right of the line, or to its left when the line is in
 * the right half (so it stays over the panel).
 */
function targetLabel(target: PanelTarget, domainMax: number): SpecPart {
  const right = target.value / domainMax > 0.5;
  return {
    data: { values: [{ target: target.value, label: target.label }] },
    mark: { type: "text", align: right ? "right" : "left", dx: right ? -3 : 3, baseline: "bottom", fontSize: TARGET_LABEL_SIZE, color: TARGET_COLOR },
    encoding: { x: { field: "target", type: "quantitative" }, y: { value: -2 }, text: { field: "label" } },
  };
}

/** An invisible label where a target's would be: the same room above the plot, so panels of a row align. */
function targetLabelRoom(): SpecPart {
  return {
    data: { values: [{ label: "target" }] },
    mark: { type: "text", align: "left", baseline: "bottom", fontSize: TARGET_LABEL_SIZE, opacity: 0 },
    encoding: { x: { value: 0 }, y: { value: -2 }, text: { field: "label" } },
  };
}

/**
 * Rows of panels: each row a horizontal concatenation, rows stacked; `rowTitles`, when given, head
 * each row. Other arguments as for {@link intervalPanel}.
 */
export function intervalPanelGrid(
  rows: readonly (readonly IntervalPanel[])[],
  models: readonly string[],
  colorModels: readonly string[] = models,
  rowTitles?: readonly string[],
): SpecPart {
  const lines = rows.map((panels, r) => {
    const reserve = panels.some((panel) => panel.target);
    return {
      ...(rowTitles ? { title: { text: rowTitles[r], anchor: "start", fontSize: 14, offset: 6 } } : {}),
      hconcat: panels.map((panel, i) => intervalPanel(panel, models, colorModels, i === 0, reserve)),
      spacing: 18,
    };
  });
  return lines.length === 1 ? lines[0] : { vconcat: lines, spacing: 22 };
}
