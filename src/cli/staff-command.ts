/** `resim staff`: the cheapest roster of one or more unit types, by shift block, that meets every target. */
import { Command } from "commander";
import { join } from "node:path";
import { rosterCostPerDay, rosterUnitHoursPerDay, simulationEvaluator, staffingProblem, type StaffingBlock, type StaffingProblem } from "../experiment/staffing-evaluator.js";
import { parseTarget, searchStaffing, type Evaluation, type SearchResult, type Target, type TargetCheck } from "../experiment/staffing-search.js";
import { metricDefinitions } from "../metrics/definitions.js";
import { formatMoney, formatValue } from "../report/format.js";
import { writeStaffingOutputs } from "../report/staffing-files.js";
import { buildReportInFolder } from "./report-command.js";
import { suggestion } from "../scenario/near-miss.js";
import { integerAtLeast, positiveNumber } from "./options.js";
import { loadWithFlags, withScenarioOptions, type ScenarioFlags } from "./scenario-options.js";
import { UsageError } from "./usage-error.js";

interface StaffFlags extends ScenarioFlags {
  model: string;
  unit: string[];
  target: string[];
  minimize: string;
  minUnits?: string[];
  maxUnits?: string[];
  budget?: number;
  maxSimulations: number;
  maxRosters: number;
  recheck: boolean;
  recheckSeed?: number;
  out?: string;
  report?: boolean;
  emitSlurm?: string;
  emitK8s?: string;
}

/**
 * Why `resim staff` writes no job array: the study commands' shards are fixed lists of points,
 * but this search decides which roster to simulate next from the results so far (a failing roster
 * rules out a box of cheaper ones), so no list of independent evaluations exists before it runs.
 */
function noShardsMessage(option: string): string {
  return `${option}: resim staff cannot be split into shards: it is a best-first search that picks each roster to simulate from the results of the ones before (a failing roster rules out cheaper ones unsimulated), so there is no fixed list of evaluations to spread over a job array. Run it as one job on one node and give it that node's cores, e.g. sbatch --cpus-per-task=32 --wrap 'npx resim staff ... --workers 32'; or size the blocks with resim sweep --emit-slurm over their unit counts, which does shard.`;
}

const DEFAULT_MAX_UNITS = 30;

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function staffCommand(): Command {
  return withScenarioOptions(
    new Command("staff")
      .description("find the cheapest roster of one or more unit types, by shift block, that meets every target")
      .argument("<file>", "scenario file")
      .requiredOption("-m, --model <id>", "the response model to staff")
      .requiredOption("-u, --unit <type>", "a unit type whose shift blocks are sized (repeat for a joint search of several types)", collect, [])
      .requiredOption("-t, --target <metric<=value>", "a target (repeatable); met only when the whole 95% CI is on its side", collect, [])
      .option("--minimize <metric>", "breaks ties between rosters of equal planned cost: the lowest mean wins", "cost.total")
      .option("--min-units <[type[i]=]n>", "fewest units per block: n for every block, type=n for one type's, type[i]=n for one block (repeatable; default 0, or 1 for a type some rule falls back to last)", collect)
      .option("--max-units <[type[i]=]n>", `most units per block, same forms (repeatable; default ${DEFAULT_MAX_UNITS})`, collect)
      .option("--budget <amount>", "most the model's planned staffing may cost over the measured period (default: the model's staffingBudget)", positiveNumber)
      .option("--max-simulations <n>", "most rosters to simulate before stopping with the best found and a proven lower bound", integerAtLeast(1), 500)
      .option("--max-rosters <n>", "most rosters to enumerate (simulated or ruled out) before stopping the same way", integerAtLeast(1), 500_000)
      .option("--recheck-seed <n>", "seed of the re-check of the roster found (default: the run's seed + 1)", integerAtLeast(0))
      .option("--no-recheck", "skip the re-check on fresh seeds")
      .option("-o, --out <dir>", "output folder (default: reports/<scenario>-staffing)")
      .option("--report", "also write report.html and charts/ (as 'resim report' does)")
      .option("--emit-slurm <n>", "not available: says why the search runs as one job (it cannot be sharded)")
      .option("--emit-k8s <n>", "not available: as --emit-slurm"),
  )
    .addHelpText(
      "after",
      `
Examples:
  resim staff scenarios/riverton.yaml --model centralized-outreach --unit outreach-team \\
    --target "responseMin.p90.behavioralHealth<=30" --target "fallbackRate<=0.05" --max-units 6
  resim staff scenarios/riverton.yaml --model centralized-outreach --unit patrol --unit outreach-team \\
    --target "responseMin.p90.priority1<=15" --target "fallbackRate<=0.10" --budget 1300000 \\
    --min-units patrol=6 --max-units patrol=11 --max-units outreach-team=3 --days 30 --replications 3

The shift blocks are the unit types' entries under models.<model>.staffing.<type>; their times stay,
their unit counts are searched. "Cheapest" is the planned staffing cost: paid unit-hours a day x the
type's costPerHour (for one type, the fewest unit-hours). The search is exact for the given seeds,
replications and days, assuming more units never make a target worse: every cheaper roster was
simulated and failed, or holds no more units in any block than one that failed. The roster found
is then re-run on fresh seeds. Prints the roster, its metrics, why one unit fewer in each block
fails, the re-check, and how many rosters were simulated; writes staffing.json (with every roster
simulated). --report (or resim report DIR) adds report.html: the cheapest roster, the rosters
tried and a chart of their cost against each target.`,
    )
    .action(async (file: string, flags: StaffFlags) => {
      if (flags.emitSlurm !== undefined) throw new UsageError(noShardsMessage("--emit-slurm"));
      if (flags.emitK8s !== undefined) throw new UsageError(noShardsMessage("--emit-k8s"));
      const base = loadWithFlags(file, flags);
      const { config, input } = base;
      const modelNames = config.models.map((m) => m.name);
      const modelIndex = modelNames.indexOf(flags.model);
      if (modelIndex < 0) throw new UsageError(`--model: ${file} has no model '${flags.model}'${suggestion(flags.model, modelNames) || ` (models: ${modelNames.join(", ")})`}`);
      const staffed = Object.keys(input.models[flags.model].staffing);
      for (const unit of flags.unit) {
        if (!staffed.includes(unit)) throw new UsageError(`--unit: model '${flags.model}' does not staff '${unit}'${suggestion(unit, staffed) || ` (it staffs: ${staffed.join(", ")})`}`);
      }
      const unitTypes = [...new Set(flags.unit)];
      const known = metricDefinitions(config).map((d) => d.name);
      const targets: Target[] = flags.target.map(parseTarget);
      for (const name of [...targets.map((t) => t.metric), flags.minimize]) {
        if (!known.includes(name)) throw new UsageError(`no metric '${name}'${suggestion(name, known) || " (see the metrics in summary.json)"}`);
      }
      if (targets.length === 0) throw new UsageError("give at least one --target");
      for (const unit of unitTypes) {
        const cost = config.unitTypes.find((t) => t.name === unit)!.costPerHour;
        if (!(cost > 0)) throw new UsageError(`--unit: unit type '${unit}' costs ${cost} per hour, so there is no cheapest roster; give it a costPerHour > 0`);
      }
      // A unit type that is some rule's (or backup list's) last resort keeps at least one unit per
      // block by default, or calls could wait forever.
      const model = config.models[modelIndex];
      const lastResort = (typeIndex: number) =>
        model.rules.some((r) => r.send[r.send.length - 1] === typeIndex) ||
        config.unitTypes.some((t, i) => model.rosters[i] !== null && t.backup !== null && t.backup.send[t.backup.send.length - 1] === typeIndex);
      const minimumFor = parseUnitLimits("--min-units", flags.minUnits ?? [], input.models[flags.model].staffing, unitTypes, (type) => (lastResort(config.unitTypes.findIndex((t) => t.name === type)) ? 1 : 0));
      const maximumFor = parseUnitLimits("--max-units", flags.maxUnits ?? [], input.models[flags.model].staffing, unitTypes, () => DEFAULT_MAX_UNITS);
      const problem = staffingProblem(base, flags.model, unitTypes, (type, shift) => ({ min: minimumFor(type, shift), max: maximumFor(type, shift) }));
      for (const block of problem.blocks) {
        if (block.minUnits > block.maxUnits) throw new UsageError(`--min-units/--max-units: ${label(problem, block)} would need at least ${block.minUnits} and at most ${block.maxUnits} units`);
      }
      const budget = flags.budget ?? input.models[flags.model].staffingBudget;
      const days = problem.measuredDays;
      const seed = config.run.seed;
      const recheckSeed = flags.recheckSeed ?? seed + 1;
      if (flags.recheck && recheckSeed === seed) throw new UsageError(`--recheck-seed: the re-check needs seeds other than the search's (${seed})`);

      let simulated = 0;
      const showProgress = !flags.quiet && process.stderr.isTTY;
      const { evaluate, check } = simulationEvaluator({
        problem,
        load: (assignments, otherSeed) => loadWithFlags(file, otherSeed === undefined ? flags : { ...flags, seed: otherSeed }, assignments),
        targets,
        minimize: flags.minimize,
        run: { workers: flags.workers, allowLong: flags.allowLong },
      });
      const counted = async (rosters: number[][]) => {
        const evaluations = await evaluate(rosters);
        simulated += rosters.length;
        if (showProgress) process.stderr.write(`\rstaffing search: ${simulated} rosters simulated (at most ${flags.maxSimulations})   `);
        return evaluations;
      };
      const result = await searchStaffing(
        {
          unitCosts: problem.blocks.map((b) => b.costPerDay),
          minUnits: problem.blocks.map((b) => b.minUnits),
          maxUnits: problem.blocks.map((b) => b.maxUnits),
          maxCost: budget === undefined ? undefined : budget / days - problem.fixedCostPerDay,
        },
        counted,
        { maxSimulations: flags.maxSimulations, maxRosters: flags.maxRosters },
      );
      if (showProgress) process.stderr.write("\n");
      const recheck = flags.recheck && result.best ? await check(result.best.units, recheckSeed) : null;
      // When even the largest roster fails, try the scenario's own roster (if in the box): if it
      // passes, more units made a target worse and the search's assumption does not hold here.
      const written = problem.blocks.map((b) => b.input.units);
      const writtenInBox = written.every((u, i) => u >= problem.blocks[i].minUnits && u <= problem.blocks[i].maxUnits);
      const writtenCheck = result.status === "unattainable" && writtenInBox && written.some((u, i) => u !== problem.blocks[i].maxUnits) ? (await evaluate([written]))[0] : null;

      const definitions = new Map(metricDefinitions(config).map((d) => [d.name, d]));
      const show = (name: string, summary: { mean: number | null; ci95: [number, number] | null }) => {
        const unit = definitions.get(name)!.unit;
        return `${formatValue(summary.mean, unit)}${summary.ci95 ? ` [${formatValue(summary.ci95[0], unit)}, ${formatValue(summary.ci95[1], unit)}]` : ""}`;
      };
      const showCheck = (c: TargetCheck, i: number) => `  ${c.met ? "met    " : "NOT met"} ${c.target}: ${show(targets[i].metric, c)}`;
      const planned = (units: readonly number[]) => {
        const perDay = rosterCostPerDay(problem, units);
        return `  planned: ${round(rosterUnitHoursPerDay(problem, units))} unit-hours a day, ${formatMoney(perDay)} a day; the model's staffing ${formatMoney((perDay + problem.fixedCostPerDay) * days)} over the ${days} measured days`;
      };
      const describe = (e: Evaluation) =>
        [
          ...problem.blocks.map((block, i) => `  ${label(problem, block)}: ${e.units[i]} unit(s)`),
          planned(e.units),
          ...e.checks.map(showCheck),
          `  ${flags.minimize}: ${show(flags.minimize, e.metrics[flags.minimize])}`,
        ].join("\n");
      const compact = (units: readonly number[]) => `[${units.join(",")}]`;
      const failedTargets = (e: Evaluation) => e.checks.map((c, i) => (c.met ? null : `${c.target} ${show(targets[i].metric, c)}`)).filter((t) => t !== null).join("; ");
      const subject = unitTypes.length === 1 ? `roster of '${unitTypes[0]}'` : `mix of ${unitTypes.map((t) => `'${t}'`).join(" and ")}`;

      const lines: string[] = [];
      const best = result.best;
      if (result.status === "optimal" || (result.status === "limit" && best)) {
        lines.push(
          result.status === "optimal"
            ? `Cheapest ${subject} in '${flags.model}' meeting every target:`
            : `The search stopped at a limit (${limitText(result, flags)}) before proving the cheapest. The cheapest ${subject} in '${flags.model}' found meeting every target:`,
          describe(best!),
        );
        const saving = rosterCostPerDay(problem, written) - result.bestCost!;
        if (!written.every((u, i) => u === best!.units[i])) {
          lines.push(`  the scenario's roster ${compact(written)} costs ${formatMoney(rosterCostPerDay(problem, written))} a day: this one ${saving >= 0 ? `saves ${formatMoney(saving)}` : `costs ${formatMoney(-saving)} more`} a day.`);
        }
        if (result.status === "limit") {
          lines.push(`  every roster whose searched blocks cost less than ${formatMoney(result.lowerBound)} a day fails; this one costs ${formatMoney(result.bestCost!)} a day (a gap of ${formatMoney(result.bestCost! - result.lowerBound)}).`);
        } else {
          lines.push("", "Why not cheaper: every cheaper roster was simulated and failed, or holds no more units in any block than one that failed.");
          result.reductions.forEach(({ block, witness }) => {
            const name = label(problem, problem.blocks[block]);
            if (witness === null) lines.push(`  ${name}: at its minimum (${best!.units[block]})`);
            else lines.push(`  one fewer in ${name} fails${witness.units.every((u, i) => u === best!.units[i] - (i === block ? 1 : 0)) ? "" : `, as the larger ${compact(witness.units)} does`}: ${failedTargets(witness)}`);
          });
          if (result.ties.length > 0) lines.push(`  ${result.ties.length} other roster(s) of the same cost also pass; this one has the lowest ${flags.minimize}.`);
        }
        if (budget !== undefined) lines.push(`  within the staffing budget of ${formatMoney(budget)} over the measured period (simulated cost.staffing, overtime included: ${show("cost.staffing", best!.metrics["cost.staffing"])}).`);
        if (recheck) {
          lines.push(
            "",
            `Re-check on fresh seeds (seed ${recheckSeed}, ${config.run.replications} replications): ${recheck.feasible ? "still meets every target." : "does NOT meet every target: the roster found may only just pass on the search's seeds."}`,
            ...recheck.checks.map(showCheck),
          );
        }
      } else if (result.status === "unattainable") {
        lines.push(`No roster with up to the --max-units in every block meets every target. With the most in every block:`, describe(result.largest!));
        if (writtenCheck?.feasible) {
          lines.push(
            "",
            `But the scenario's own roster ${compact(written)} meets every target: more units made a target worse here, so the search's assumption`,
            "(more units never hurt) does not hold for these targets, and its answers would not be exact. With the scenario's roster:",
            describe(writtenCheck),
          );
        } else if (writtenCheck) lines.push(`The scenario's own roster ${compact(written)} fails too: ${failedTargets(writtenCheck)}`);
      } else if (result.status === "over-budget") {
        const smallest = problem.blocks.map((b) => b.minUnits);
        lines.push(
          rosterCostPerDay(problem, smallest) > (budget! / days) - problem.fixedCostPerDay
            ? `No roster within the staffing budget of ${formatMoney(budget!)} meets every target: the smallest roster searched already costs ${formatMoney((rosterCostPerDay(problem, smallest) + problem.fixedCostPerDay) * days)} over the ${days} measured days, the staffing the search does not change included.`
            : `No roster within the staffing budget of ${formatMoney(budget!)} meets every target: every roster costing up to the budget over the ${days} measured days was simulated and failed, or holds no more units in any block than one that failed.`,
        );
      } else {
        lines.push(`The search stopped at a limit (${limitText(result, flags)}) before finding a roster that meets every target; every roster whose searched blocks cost less than ${formatMoney(result.lowerBound)} a day fails.`);
      }
      const extra = [recheck ? "1 re-check" : null, writtenCheck ? "1 run of the scenario's own roster" : null].filter((x) => x !== null);
      lines.push(
        "",
        `${result.simulations} rosters simulated, ${config.run.replications} replications of ${days} days each.` +
          ` ${result.ruledOut} more ruled out without simulating${extra.length ? `; ${extra.join(", ")}` : ""}.`,
      );

      const folder = flags.out ?? join("reports", `${config.name}-staffing`);
      const path = writeStaffingOutputs(folder, {
        scenario: config.name,
        scenarioFile: file,
        model: flags.model,
        unitTypes,
        problem,
        result,
        targets,
        minimize: flags.minimize,
        budget,
        seed,
        replications: config.run.replications,
        recheck,
        recheckSeed,
        written,
        writtenCheck,
        maxSimulations: flags.maxSimulations,
        maxRosters: flags.maxRosters,
        units: Object.fromEntries([...definitions].map(([name, d]) => [name, d.unit])),
      });
      if (!flags.quiet) process.stdout.write(`${lines.join("\n")}\nwrote ${path}\n`);
      if (flags.report) await buildReportInFolder(folder, flags.quiet);
    });
}

const round = (value: number) => Math.round(value * 100) / 100;

function label(problem: StaffingProblem, block: StaffingBlock): string {
  const { from, to, days, zone } = block.input;
  const when = `${from}-${to}${days ? ` (${days.join(",")})` : ""}${zone ? ` [${zone}]` : ""}`;
  return problem.unitTypes.length === 1 ? when : `${block.unitType} ${when}`;
}

function limitText(result: SearchResult, flags: StaffFlags): string {
  return result.limit === "rosters" ? `--max-rosters ${flags.maxRosters}` : `--max-simulations ${flags.maxSimulations}`;
}

/**
 * Parses --min-units / --max-units values: `n` (every block), `type=n` (every block of a type) or
 * `type[i]=n` (one block); later, more specific values win. Throws UsageError.
 */
function parseUnitLimits(
  flag: string,
  values: readonly string[],
  staffing: Record<string, readonly unknown[]>,
  unitTypes: readonly string[],
  fallback: (unitType: string) => number,
): (unitType: string, shift: number) => number {
  let all: number | undefined;
  const byType = new Map<string, number>();
  const byBlock = new Map<string, number>();
  for (const value of values) {
    const match = /^\s*(?:([A-Za-z0-9_$-]+)(?:\[(\d+)\])?\s*=\s*)?(\d+)\s*$/.exec(value);
    if (!match) throw new UsageError(`${flag} must look like 4, patrol=12 or patrol[2]=6, got '${value}'`);
    const [, type, index, count] = match;
    const n = Number(count);
    if (type === undefined) {
      all = n;
      continue;
    }
    if (!unitTypes.includes(type)) throw new UsageError(`${flag}: '${type}' is not a searched --unit${suggestion(type, unitTypes) || ` (searched: ${unitTypes.join(", ")})`}`);
    if (index === undefined) byType.set(type, n);
    else {
      if (Number(index) >= staffing[type].length) throw new UsageError(`${flag}: ${type} has ${staffing[type].length} shift blocks, so ${type}[${index}] does not exist`);
      byBlock.set(`${type}[${Number(index)}]`, n);
    }
  }
  return (unitType, shift) => byBlock.get(`${unitType}[${shift}]`) ?? byType.get(unitType) ?? all ?? fallback(unitType);
}
