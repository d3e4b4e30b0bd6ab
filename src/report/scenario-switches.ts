/**
 * The report's caveats, written from the scenario rather than fixed: what this scenario switches
 * on (barriers, geography, replay, repeat callers, latent demand, waiting, dispatch practice) and
 * what the model leaves out given those switches. A caveat that a switch makes untrue (say, "calls
 * are routed by their true need" when `intake.codedAs` misclassifies them) is never written.
 * Computed when the run is made, from the built configuration (after `--set` overrides), and kept
 * in summary.json so `resim report` needs only the run's folder.
 */
import type { ScenarioConfig } from "../system/config.js";

/** Something the scenario switches on: its key path, a name and what it does here. */
export interface ScenarioSwitch {
  parameter: string;
  label: string;
  detail: string;
}

/** What summary.json keeps for the report's caveats. */
export interface ScenarioCaveats {
  switchedOn: ScenarioSwitch[];
  /** What the simulation leaves out, given what is switched on; one sentence each. */
  leftOut: string[];
}

/** What the simulation leaves out whatever the scenario switches on. */
export const GENERAL_CAVEATS: readonly string[] = [
  "Officer-initiated work, meals and administration are not simulated, so patrol utilization counts call work only.",
  "Outcome costs are first-order (booking, ED visit, hold, transport); inpatient stays, jail days and longer-term health or justice outcomes are not counted.",
  "Community trust, the quality of each encounter and the callers' own outcomes are not measured.",
  "Parameters marked as assumptions in the sources were chosen, not measured; the results are only as good as those values.",
];

const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;
/** "an officer", "a clinician", "a peer": the article by the word's first letter. */
const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;

/** The switches and caveats of the models `modelIndices` of `config`. */
export function scenarioCaveats(config: ScenarioConfig, modelIndices: readonly number[]): ScenarioCaveats {
  const on: ScenarioSwitch[] = [];
  const out: string[] = [];
  const models = modelIndices.map((m) => config.models[m]);
  const typeName = (t: number) => config.unitTypes[t].name;
  const alternatives = models.some((m) => m.rules.some((r) => r.eligible));

  const historical = config.demand.historical;
  if (historical) {
    on.push({ parameter: "demand.historical", label: "Replay of the city's own calls", detail: `calls replayed from ${historical.file} (${Number(historical.spanDays.toFixed(1))} days of records)${historical.observedOnScene ? ", with their recorded times on scene" : ""}` });
    const added = config.repeatCallers !== null || models.some((m) => m.latentDemand > 0);
    out.push(
      added
        ? "The replay repeats the recorded calls as they came: calls that another response model would have prevented or added come only from the frequent-caller and latent-demand switches listed with the assumptions."
        : "The replay repeats the recorded calls as they came: no response model prevents a repeat call or adds a call from someone who would not have phoned police (frequent callers and latent demand are off).",
    );
  } else {
    out.push("Calls are generated from the scenario's volumes, hourly pattern and call mix, not replayed from the city's records, so unusual days (storms, large events) appear only as often as chance makes them.");
  }

  const intake = config.intake;
  if (intake) {
    const coded = intake.codedAs.some((c, i) => c.items.some((to, k) => to !== i && c.probabilities[k] > 0));
    on.push({
      parameter: "intake",
      label: "Intake misclassification",
      detail: `${percent(intake.behavioralHealthFlagMissed)} of behavioral-health calls are not flagged as such at intake${coded ? "; some calls are coded as another category" : ""}; dispatch rules see the coded call, service follows the true need; a civilian team sent to a call outside its scope spends a mean ${Number(intake.handoverMin.mean.toFixed(1))} minutes before police take it over`,
    });
    out.push("Misclassification happens at the same rates at every hour and for every caller; a call-taker who learns more during the call does not re-code it, except when a civilian team hands a call outside its scope to police.");
  } else {
    out.push("Calls are routed by their true category and behavioral-health need: no call is misclassified at intake (switch on `intake` to model it); calls a call-taker would fail to recognise are represented only by the share routed to the alternative (uptake).");
  }

  for (const model of models) {
    model.rules.forEach((rule, i) => {
      if (rule.eligible && rule.uptake < 1) {
        on.push({ parameter: `models.${model.name}.dispatch.${i}.uptake`, label: `${model.name}: uptake below 100%`, detail: `dispatchers route ${percent(rule.uptake)} of the calls rule ${i + 1} matches to ${typeName(rule.send[0])}; the rest go to ${typeName(rule.send[rule.send.length - 1])}` });
      }
      if (rule.handoffMin) {
        on.push({ parameter: `models.${model.name}.dispatch.${i}.handoffMin`, label: `${model.name}: hand-off delay`, detail: `calls rule ${i + 1} matches wait a mean ${Number(rule.handoffMin.mean.toFixed(1))} minutes to be handed to ${rule.viaHub ? "the hub" : "the team's dispatcher"}` });
      }
    });
    model.vacancy.forEach((share, t) => {
      if (share > 0) on.push({ parameter: `models.${model.name}.vacancy.${typeName(t)}`, label: `${model.name}: vacancies`, detail: `${percent(share)} of rostered ${typeName(t)} shifts left unfilled` });
    });
    if (model.hub) {
      on.push({ parameter: `models.${model.name}.hub`, label: `${model.name}: triage hub`, detail: `calls routed to the hub wait for a hub staff member, are triaged (mean ${Number(model.hub.triageMin.mean.toFixed(1))} min), and ${percent(model.hub.phoneResolution)} are resolved by phone` });
    }
    if (!model.informationShared) {
      on.push({ parameter: `models.${model.name}.informationShared`, label: `${model.name}: information not shared`, detail: "the hub does not recognise repeat callers" });
    }
    if (model.latentDemand > 0) {
      on.push({ parameter: `models.${model.name}.latentDemand`, label: `${model.name}: latent demand`, detail: `${percent(model.latentDemand)} more behavioral-health calls, from people who call only because a trusted alternative exists` });
    }
  }
  if (alternatives && !models.some((m) => m.rules.some((r) => r.eligible && r.uptake < 1))) {
    out.push("Every call a rule sends to the alternative is routed to it (uptake 100%); a dispatch centre that routes fewer would see smaller effects.");
  }
  if (alternatives && !models.some((m) => m.vacancy.some((v) => v > 0))) out.push("Every rostered shift is filled: no vacancies or sick leave.");
  if (alternatives && !models.some((m) => m.latentDemand > 0)) out.push("No model brings in calls that would not otherwise be made (latent demand is off).");

  const usedTypes = new Set(models.flatMap((m) => m.rosters.map((r, t) => (r === null ? -1 : t))));
  config.unitTypes.forEach((type, t) => {
    if (!usedTypes.has(t)) return;
    if (type.declineShare > 0) on.push({ parameter: `unitTypes.${type.name}.declineShare`, label: `${type.name}: callers decline`, detail: `${percent(type.declineShare)} of callers decline the team, and police attend instead` });
    if (type.rampUp) on.push({ parameter: `unitTypes.${type.name}.rampUp`, label: `${type.name}: learning curve`, detail: `a new team is slower on scene and resolves fewer calls over its first ${type.rampUp.days} days` });
    if (type.outreach) on.push({ parameter: `unitTypes.${type.name}.outreach`, label: `${type.name}: outreach and follow-ups`, detail: "the team does proactive outreach and follow-ups between calls" });
  });
  if (alternatives && !config.unitTypes.some((type, t) => usedTypes.has(t) && type.isAlternative && type.declineShare > 0)) {
    out.push("No caller declines a civilian team.");
  }
  if (config.involuntaryHoldBy) {
    on.push({ parameter: "policy.involuntaryHoldBy", label: "Who may place an involuntary hold", detail: `only a crew with ${config.involuntaryHoldBy.map(withArticle).join(" or ")} may; other units request police` });
  }

  if (config.geography) {
    on.push({ parameter: "geography", label: "Geography", detail: `${config.geography.zones.length} zones (${config.geography.zones.join(", ")}); units are based in zones and travel time depends on the distance` });
    out.push("Travel between zones follows the scenario's table of mean times: traffic by time of day and units repositioning between calls are not modelled.");
  } else {
    out.push("There is no geography: travel time does not depend on where a unit is or where the call comes from, so results for a large or uneven city are averages.");
  }

  if (config.repeatCallers) {
    on.push({ parameter: "repeatCallers", label: "Frequent callers", detail: `${config.repeatCallers.people} people whose calls fall by ${percent(config.repeatCallers.effect)} once connected to care` });
    out.push("Only the scenario's frequent callers call less after being connected to care; everyone else's later calls are unaffected by how they were answered.");
  } else {
    out.push("Repeat calls are not modelled: connecting a person to care does not change how often anyone calls again.");
  }

  if (config.callProcessingMin) {
    on.push({ parameter: "callProcessingMin", label: "Call processing", detail: "call taking and dispatch processing take time before a unit is sought" });
  } else {
    // Hand-off delays and hub triage are time before dispatch too, so the caveat names them when on.
    const delays = [
      models.some((m) => m.rules.some((r) => r.handoffMin)) ? "the hand-off delay" : "",
      models.some((m) => m.hub) ? "hub triage" : "",
    ].filter(Boolean);
    out.push(
      delays.length > 0
        ? `Call taking and dispatch processing at the 911 centre are not modelled (no \`callProcessingMin\`): apart from ${delays.join(" and ")} listed with the assumptions, which ${delays.length > 1 ? "delay" : "delays"} only the calls routed that way, a unit is sought the moment a call arrives, so response times are shorter than a city's own figures that count from the phone being answered.`
        : "Call taking and dispatch processing take no time here, so response times are shorter than a city's own figures that count from the phone being answered.",
    );
  }

  const { patienceMin, escalation, abandonPriorities } = config.waiting;
  const whose = abandonPriorities ? ` (priority ${[...abandonPriorities].sort((a, b) => a - b).join(", ")} calls only)` : "";
  if (patienceMin) on.push({ parameter: "waiting.abandonment", label: "Callers hang up", detail: `a caller still waiting hangs up after a mean ${Number(patienceMin.mean.toFixed(1))} minutes${whose}` });
  else out.push("Callers never hang up while waiting for a unit.");
  if (escalation) on.push({ parameter: "waiting.escalation", label: "Escalation", detail: `a behavioral-health call still waiting after ${escalation.afterMin} minutes becomes priority ${escalation.toPriority} and goes to police` });

  const held = config.dispatchPolicy?.reserve.some((r) => r !== null) ?? false;
  const aging = Boolean(config.dispatchPolicy?.aging);
  if (config.dispatchPolicy) {
    const parts = [held ? "some units are held back for urgent calls" : "", aging ? "waiting calls rise in priority as they age" : ""].filter(Boolean);
    on.push({ parameter: "dispatchPolicy", label: "Dispatch policy", detail: parts.join("; ") || "as set in the scenario" });
  }
  // Each half of the caveat is written only when its switch is off: escalation and aging both raise priority.
  const notHeld = held ? "" : "no units are held back for urgent calls";
  const noRise = aging ? "" : escalation ? "no waiting call rises in priority except the escalating behavioral-health calls listed with the assumptions" : "waiting calls do not rise in priority";
  if (notHeld || noRise) {
    const order = !held && !aging && !escalation ? "Waiting calls are taken strictly by priority, then arrival" : "Waiting calls are taken by priority, then arrival";
    out.push(`${order}: ${[notHeld, noRise].filter(Boolean).join(" and ")}.`);
  }
  if (config.cancellations) {
    on.push({ parameter: "cancellations", label: "Cancelled calls", detail: "some calls are cleared without a unit arriving" });
  } else {
    const cleared = [patienceMin ? "callers who hang up while waiting" : "", models.some((m) => m.hub) ? "calls the hub resolves by phone" : ""].filter(Boolean);
    out.push(cleared.length > 0 ? `Apart from ${cleared.join(" and ")}, no call is cancelled before a unit arrives.` : "No call is cancelled before a unit arrives.");
  }
  if (config.unitsPerCall && config.unitsPerCall.length > 0) {
    on.push({ parameter: "unitsPerCall", label: "Several units per call", detail: `${config.unitsPerCall.length} rule${config.unitsPerCall.length === 1 ? "" : "s"} send more than one unit to some calls` });
  } else {
    const extra = [
      config.unitTypes.some((type, t) => usedTypes.has(t) && type.backup) ? "the police backup a team may request" : "",
      intake ? "the police who take over a call outside a civilian team's scope" : "",
    ].filter(Boolean);
    out.push(`One unit is sent per call${extra.length > 0 ? `, plus ${extra.join(" and ")}` : ""}; second and third units are not modelled.`);
  }

  out.push(...GENERAL_CAVEATS);
  return { switchedOn: on, leftOut: out };
}
