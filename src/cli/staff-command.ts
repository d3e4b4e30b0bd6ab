/** `resim staff`: the cheapest roster of one unit type that meets every target. */
import { Command } from "commander";
import { join } from "node:path";
import { runExperiments } from "../experiment/run-experiment.js";
import { checkTargets, parseTarget, searchStaffing, type Evaluation, type Target } from "../experiment/staffing-search.js";
import { metricDefinitions } from "../metrics/definitions.js";
import { writeFileAtomic } from "../report/atomic-write.js";
import { formatValue } from "../report/format.js";
import { parseKeyPath } from "../scenario/assignments.js";
import { suggestion } from "../scenario/near-miss.js";
import { integerAtLeast, positiveNumber } from "./options.js";
import { progressReporter } from "./progress.js";
import { loadWithFlags, withScenarioOptions, type ScenarioFlags } from "./scenario-options.js";
import { UsageError } from "./usage-error.js";

interface StaffFlags extends ScenarioFlags {
  model: string;
  unit: string;
  target: string[];
  minimize: string;
  maxUnits: number;
  budget?: number;
  out?: string;
}

export function staffCommand(): Command {
  return withScenarioOptions(
    new Command("staff")
      .description("find the cheapest roster of one unit type, by shift block, that meets every target")
      .argument("<file>", "scenario file")
      .requiredOption("-m, --model <id>", "the response model to staff")
      .requiredOption("-u, --unit <type>", "the unit type whose shift blocks are sized")
      .requiredOption("-t, --target <metric<=value>", "a target (repeatable); met only when the whole 95% CI is on its side", (v: string, p: string[]) => [...p, v], [])
      .option("--minimize <metric>", "what 'cheapest' means", "cost.total")
      .option("--max-units <n>", "most units per shift block to consider", integerAtLeast(1), 30)
      .option("--budget <amount>", "most the model's staffing may cost over the measured period (default: the model's staffingBudget)", positiveNumber)
      .option("-o, --out <dir>", "output folder (default: reports/<scenario>-staffing)"),
  )
    .addHelpText(
      "after",
      `
Example:
  resim staff scenarios/riverton.yaml --model co-responder --unit co-responder \\
    --target "responseMin.p90.priority1<=14" --target "fallbackRate<=0.10" --minimize cost.total

The shift blocks are the unit type's entries under models.<model>.staffing.<unit>; their times stay,
their unit counts are searched. Prints the roster found, its metrics, the cheapest one-unit
reduction that failed and why, and how many rosters were simulated; writes staffing.json.`,
    )
    .action(async (file: string, flags: StaffFlags) => {
      const base = loadWithFlags(file, flags);
      const { config, input } = base;
      const modelIndex = config.models.findIndex((m) => m.name === flags.model);
      const modelNames = config.models.map((m) => m.name);
      if (modelIndex < 0) throw new UsageError(`--model: ${file} has no model '${flags.model}'${suggestion(flags.model, modelNames) || ` (models: ${modelNames.join(", ")})`}`);
      const shifts = input.models[flags.model].staffing[flags.unit];
      const staffed = Object.keys(input.models[flags.model].staffing);
      if (!shifts) throw new UsageError(`--unit: model '${flags.model}' does not staff '${flags.unit}'${suggestion(flags.unit, staffed) || ` (it staffs: ${staffed.join(", ")})`}`);
      const known = metricDefinitions(config).map((d) => d.name);
      const targets: Target[] = flags.target.map(parseTarget);
      for (const name of [...targets.map((t) => t.metric), flags.minimize]) {
        if (!known.includes(name)) throw new UsageError(`no metric '${name}'${suggestion(name, known) || " (see the metrics in summary.json)"}`);
      }
      if (targets.length === 0) throw new UsageError("give at least one --target");
      const unitIndex = config.unitTypes.findIndex((t) => t.name === flags.unit);
      // A unit type that is some rule's (or backup list's) last resort must keep at least one unit,
      // or calls would wait forever.
      const model = config.models[modelIndex];
      const lastResort =
        model.rules.some((r) => r.send[r.send.length - 1] === unitIndex) ||
        config.unitTypes.some((t, i) => model.rosters[i] !== null && t.backup !== null && t.backup.send[t.backup.send.length - 1] === unitIndex);
      const minUnits = lastResort ? 1 : 0;
      const progress = progressReporter("staffing search", flags.quiet);
      const budget = flags.budget ?? input.models[flags.model].staffingBudget;
      // More units never raise a budget's headroom, so the budget is checked on the cheapest roster
      // that meets the targets rather than steering the (monotone) search.
      const evaluate = async (rosters: number[][]): Promise<Evaluation[]> => {
        const loaded = rosters.map((units) =>
          loadWithFlags(
            file,
            flags,
            units.map((u, i) => ({ path: parseKeyPath(`models.${flags.model}.staffing.${flags.unit}[${i}].units`), value: u, text: `units=${u}` })),
          ),
        );
        const results = await runExperiments(
          loaded.map((scenario) => ({ scenario, models: [modelIndex], withoutBaseline: true })),
          { workers: flags.workers, onProgress: progress },
        );
        return results.map((result, i) => {
          const metrics = result.summary[flags.model].metrics;
          const checks = checkTargets(metrics, targets);
          return { units: rosters[i], checks, feasible: checks.every((c) => c.met), objective: metrics[flags.minimize].mean ?? Infinity, metrics };
        });
      };
      const result = await searchStaffing(shifts.length, minUnits, flags.maxUnits, evaluate);
      const definitions = new Map(metricDefinitions(config).map((d) => [d.name, d]));
      const show = (name: string, summary: { mean: number | null; ci95: [number, number] | null }) => {
        const unit = definitions.get(name)!.unit;
        return `${formatValue(summary.mean, unit)}${summary.ci95 ? ` [${formatValue(summary.ci95[0], unit)}, ${formatValue(summary.ci95[1], unit)}]` : ""}`;
      };
      const describe = (e: Evaluation) =>
        [
          ...shifts.map((s, i) => `  ${s.from}-${s.to}${s.days ? ` (${s.days.join(",")})` : ""}: ${e.units[i]} unit(s)`),
          ...e.checks.map((c, i) => `  ${c.met ? "met    " : "NOT met"} ${c.target}: ${show(targets[i].metric, c)}`),
          `  ${flags.minimize}: ${show(flags.minimize, e.metrics[flags.minimize])}`,
        ].join("\n");
      const lines: string[] = [];
      const bestStaffing = result.best?.metrics["cost.staffing"].mean ?? null;
      const overBudget = budget !== undefined && bestStaffing !== null && bestStaffing > budget;
      if (overBudget) {
        lines.push(`No roster within the staffing budget of ${formatValue(budget!, "currency")} meets every target: the cheapest that does costs ${formatValue(bestStaffing, "currency")} in staffing:`, describe(result.best!));
      } else if (result.best === null) {
        lines.push(`No roster with up to ${flags.maxUnits} units per block meets every target. With ${flags.maxUnits} in every block:`, describe(result.nearestFailure!));
      } else {
        lines.push(`Cheapest roster of '${flags.unit}' in '${flags.model}' meeting every target:`, describe(result.best));
        if (result.nearestFailure) lines.push("", "The cheapest one-unit reduction fails:", describe(result.nearestFailure));
      }
      lines.push("", `${result.evaluations} rosters simulated, ${config.run.replications} replications of ${config.run.horizonDays} days each.`);
      const folder = flags.out ?? join("reports", `${config.name}-staffing`);
      const document = {
        scenario: config.name,
        scenarioFile: file,
        model: flags.model,
        unitType: flags.unit,
        shifts,
        targets: targets.map((t) => t.text),
        rule: "a target is met when its whole 95% confidence interval is on the right side",
        minimize: flags.minimize,
        evaluations: result.evaluations,
        budget: budget ?? null,
        withinBudget: !overBudget,
        best: result.best && { units: result.best.units, checks: result.best.checks, objective: result.best.objective, staffingCost: bestStaffing },
        nearestFailure: result.nearestFailure && { units: result.nearestFailure.units, checks: result.nearestFailure.checks, objective: result.nearestFailure.objective },
      };
      writeFileAtomic(join(folder, "staffing.json"), JSON.stringify(document, null, 2) + "\n");
      if (!flags.quiet) process.stdout.write(`${lines.join("\n")}\nwrote ${join(folder, "staffing.json")}\n`);
    });
}
