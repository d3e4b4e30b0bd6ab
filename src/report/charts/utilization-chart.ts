/**
 * Utilization by hour of day: for each unit type, the busy share of on-duty unit time in each
 * clock hour, one line per model that staffs it (colour and dash both differ, so the lines part
 * in greyscale). Hours in which a model schedules no unit of the type are left blank:
 * their only on-duty time is a unit finishing a call after its shift, busy by definition.
 */
import type { TopLevelSpec } from "vega-lite";
import { hourlyUtilizationName } from "../../metrics/definitions.js";
import { CHART_CONFIG, modelColorScale, modelDashScale } from "./chart-theme.js";
import type { ChartContext } from "./summary-rows.js";

/** One point of a utilization line; `utilization` null leaves a gap. */
export interface UtilizationRow {
  unitType: string;
  model: string;
  hour: number;
  utilization: number | null;
}

/** Unit types that have hourly utilization in the document, in the order of its metrics. */
export function unitTypesWithHourlyUtilization(context: ChartContext): string[] {
  const names = Object.keys(context.document.metrics)
    .filter((name) => name.startsWith("utilizationByHour.") && name.endsWith(".h00"))
    .map((name) => name.slice("utilizationByHour.".length, -".h00".length));
  return names.filter((type) => utilizationRows(context, type).some((row) => row.utilization !== null));
}

/** Rows of one unit type: 24 per model that has a value in some hour. */
export function utilizationRows(context: ChartContext, unitType: string): UtilizationRow[] {
  const rows: UtilizationRow[] = [];
  for (const model of context.models) {
    const metrics = context.document.models[model]?.metrics ?? {};
    const onDuty = context.document.unitsOnDutyByHour?.[model]?.[unitType];
    const values = Array.from({ length: 24 }, (_, hour) => {
      // Without roster data (older files) every hour with a value is shown.
      if (onDuty !== undefined && !(onDuty[hour] > 0)) return null;
      return metrics[hourlyUtilizationName(unitType, hour)]?.mean ?? null;
    });
    if (values.every((v) => v === null)) continue;
    values.forEach((utilization, hour) => rows.push({ unitType, model, hour, utilization }));
  }
  return rows;
}

/** The utilization-by-hour chart's Vega-Lite spec, or null when the document has no hourly utilization. */
export function utilizationChartSpec(context: ChartContext): TopLevelSpec | null {
  const unitTypes = unitTypesWithHourlyUtilization(context);
  if (unitTypes.length === 0) return null;
  const rows = unitTypes.flatMap((type) => utilizationRows(context, type));
  const models = context.models.filter((model) => rows.some((row) => row.model === model));
    // Colour and dash share one legend (same field and title): each entry is a short line in both.
  const legend = { title: "model", orient: "bottom", direction: "horizontal", symbolType: "stroke", symbolStrokeWidth: 2.5, symbolSize: 400 };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Utilization by hour of day (busy share of on-duty unit time)",
      subtitle: `${context.runLabel}. Mean across replications; hours with no unit of the type scheduled are left blank.`,
    },
    config: CHART_CONFIG,
    data: { values: rows },
    facet: {
      field: "unitType",
      type: "nominal",
      sort: unitTypes,
      title: null,
      header: { labelAnchor: "start", labelFontSize: 13, labelFontWeight: "bold", labelPadding: 4 },
    },
    columns: 1,
    spacing: 16,
    spec: {
      width: 560,
      height: 130,
      encoding: {
        x: {
          field: "hour",
          type: "quantitative",
          title: "hour of day (start of the hour)",
          scale: { domain: [0, 23], nice: false },
          axis: { values: [0, 3, 6, 9, 12, 15, 18, 21], labelExpr: "(datum.value < 10 ? '0' : '') + datum.value + ':00'", grid: true },
        },
        y: { field: "utilization", type: "quantitative", title: "busy share", scale: { domain: [0, 1] }, axis: { format: ".0%", tickCount: 5 } },
        color: { field: "model", type: "nominal", sort: models, scale: modelColorScale(models, context.models), legend },
      },
      layer: [
        { mark: { type: "line", strokeWidth: 2 }, encoding: { strokeDash: { field: "model", type: "nominal", sort: models, scale: modelDashScale(models, context.models), legend } } },
        { mark: { type: "point", filled: true, size: 30 } },
      ],
    },
  } as TopLevelSpec;
}
