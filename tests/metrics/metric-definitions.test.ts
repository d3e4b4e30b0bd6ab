/**
 * Every metric in metrics/definitions, checked against a value worked out by hand in a tiny world.
 *
 * Most worlds drive the ReplicationRecorder directly with hand-built call records (exact and
 * fast); the rest run the whole response system on a few fixed-time calls (tests/helpers/
 * tiny-world) for what only the life cycle decides: abandonment, fallback, phone resolution,
 * backup, escalation, hub waits, warm-up and unit time by zone. The last block fails for any
 * metric that no world gives an expected value, so a new metric cannot land without its test.
 */
import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/experiment/run-replication.js";
import type { CallRecord } from "../../src/metrics/call-record.js";
import { hourlyUtilizationName, metricDefinitions, type MetricScope } from "../../src/metrics/definitions.js";
import { ReplicationRecorder, type MetricValues, type UnitTime } from "../../src/metrics/replication-recorder.js";
import { validateScenario } from "../../src/scenario/load.js";
import type { CallArrival } from "../../src/streams/call-source.js";
import { ListCallSource } from "../../src/streams/list-source.js";
import { arrival, tinyScenario } from "../helpers/tiny-world.js";

type Expected = Record<string, number | null>;

interface World {
  name: string;
  values: () => MetricValues;
  expected: Expected;
  /** Interior quantiles of a sketch (not the min, max or a zero): within its 0.5% relative accuracy. */
  approximate?: readonly string[];
}

// Disposition indices (system/config DISPOSITION_NAMES).
const RESOLVED = 0;
const REFERRED = 1;
const ED = 3;
const HOLD = 4;
const ARREST = 5;

/** A measured call record: police-only, priority 2, received at 100, 10 minutes to the scene; override any field. */
function record(over: Partial<CallRecord>): CallRecord {
  const arrivalMin = over.arrivalMin ?? 100;
  const arrivalPriority = over.arrivalPriority ?? 2;
  return {
    id: 0,
    category: 0,
    arrivalPriority,
    priority: arrivalPriority,
    zone: -1,
    behavioralHealth: false,
    weapon: false,
    arrivalMin,
    hubArrivalMin: NaN,
    triageStartMin: NaN,
    readyMin: arrivalMin,
    assignedMin: arrivalMin,
    onSceneMin: arrivalMin + 10,
    endMin: arrivalMin + 20,
    servedBy: 0,
    disposition: RESOLVED,
    eligible: false,
    offeredAlternative: false,
    fellBack: false,
    phoneResolved: false,
    declined: false,
    caller: -1,
    abandoned: false,
    escalated: false,
    servedByAlternative: false,
    backupRequested: false,
    handedOver: false,
    officerAttended: true,
    officerMinutes: 20,
    outcomeCost: 0,
    cancelled: false,
    unitsAssigned: 1,
    ...over,
  };
}

/** Fields of a call nobody answered: no unit, no disposition, no officer. */
const unanswered = { assignedMin: NaN, onSceneMin: NaN, servedBy: -1, disposition: -1, officerAttended: false, officerMinutes: 0, unitsAssigned: 0 };

function unitTime(over: Partial<UnitTime> & { name: string }): UnitTime {
  return {
    costPerHour: 0,
    outreach: false,
    busyMinutes: 0,
    staffedMinutes: 0,
    busyMinutesByHour: new Array(24).fill(0),
    staffedMinutesByHour: new Array(24).fill(0),
    busyMinutesBySlot: [0],
    staffedMinutesBySlot: [0],
    ...over,
  };
}

// ---------------------------------------------------------------------------------------------
// World A: the recorder alone, window [60, 1500), twelve measured calls and two outside it.
// ---------------------------------------------------------------------------------------------
const callsA: CallRecord[] = [
  // Outside the window (before and at its end): they must change nothing.
  record({ arrivalMin: 30, behavioralHealth: true, eligible: true, offeredAlternative: true, fellBack: true, disposition: ARREST, outcomeCost: 9999, abandoned: true, hubArrivalMin: 30, triageStartMin: 99, caller: 1 }),
  record({ arrivalMin: 1500, arrivalPriority: 1, behavioralHealth: true, disposition: ED, outcomeCost: 9999, officerMinutes: 999 }),
  // 1. P1, police, response 8 (within the 10-minute target), wait 2.
  record({ arrivalMin: 100, arrivalPriority: 1, assignedMin: 102, onSceneMin: 108 }),
  // 2. P1, police, response 15 (missed), wait 5; an arrest, but not a BH call.
  record({ arrivalMin: 200, arrivalPriority: 1, assignedMin: 205, onSceneMin: 215, disposition: ARREST, outcomeCost: 600 }),
  // 3. BH, eligible, the team answers on scene (no officer): referred. Response 21, wait 1.
  record({ arrivalMin: 300, behavioralHealth: true, eligible: true, offeredAlternative: true, servedBy: 1, servedByAlternative: true, assignedMin: 301, onSceneMin: 321, disposition: REFERRED, officerAttended: false, officerMinutes: 0 }),
  // 4. BH, eligible, the team with police backup: ED transport. Response 30, wait 0.
  record({ arrivalMin: 400, behavioralHealth: true, eligible: true, offeredAlternative: true, servedBy: 1, servedByAlternative: true, backupRequested: true, onSceneMin: 430, disposition: ED, outcomeCost: 1000, officerMinutes: 30 }),
  // 5. BH, eligible, the hub resolves it by phone after waiting 4 minutes for triage.
  record({ arrivalMin: 500, behavioralHealth: true, eligible: true, offeredAlternative: true, hubArrivalMin: 500, triageStartMin: 504, readyMin: 520, phoneResolved: true, ...unanswered }),
  // 6. BH, eligible, hub wait 10, then police because the team was busy (a fallback): arrest. Response 30, wait 5.
  record({ arrivalMin: 600, behavioralHealth: true, eligible: true, offeredAlternative: true, hubArrivalMin: 600, triageStartMin: 610, readyMin: 615, assignedMin: 620, onSceneMin: 630, fellBack: true, disposition: ARREST, outcomeCost: 500, officerMinutes: 40 }),
  // 7. BH, eligible, hung up while waiting for hub triage: abandoned, never a fallback.
  record({ arrivalMin: 700, behavioralHealth: true, eligible: true, offeredAlternative: true, hubArrivalMin: 700, abandoned: true, ...unanswered }),
  // 8. BH, not eligible, police: involuntary hold. Response 10, wait 3.
  record({ arrivalMin: 800, behavioralHealth: true, assignedMin: 803, onSceneMin: 810, disposition: HOLD, outcomeCost: 800, officerMinutes: 60 }),
  // 9. BH arrived as P2, escalated to P1 and sent to police after waiting 60 (a fallback too). Response 68.
  record({ arrivalMin: 900, priority: 1, behavioralHealth: true, eligible: true, offeredAlternative: true, escalated: true, fellBack: true, assignedMin: 960, onSceneMin: 968, officerMinutes: 30 }),
  // 10. Not BH, abandoned while waiting for patrol.
  record({ arrivalMin: 1000, abandoned: true, ...unanswered }),
  // 11. A frequent caller's call, eligible, the caller declined the team: police. Response 12, wait 0.
  record({ arrivalMin: 1100, caller: 3, eligible: true, declined: true, onSceneMin: 1112 }),
  // 12. BH, eligible, the team found it outside its scope and handed it to police. Response 9, wait 4.
  record({ arrivalMin: 1200, behavioralHealth: true, eligible: true, offeredAlternative: true, servedBy: 1, servedByAlternative: true, handedOver: true, assignedMin: 1204, onSceneMin: 1209, officerMinutes: 15 }),
];

// Patrol: two units all day (2,880 staffed minutes), 600 busy, 2h + 2 busy minutes in hour h. Team:
// one outreach unit all day, 300 busy (12.5 an hour). Hub: 720 staffed minutes, 120 triaging.
const unitTimesA = [
  unitTime({
    name: "patrol",
    costPerHour: 60,
    busyMinutes: 600,
    staffedMinutes: 2880,
    busyMinutesByHour: Array.from({ length: 24 }, (_, h) => 2 * h + 2),
    staffedMinutesByHour: new Array(24).fill(120),
    busyMinutesBySlot: [600],
    staffedMinutesBySlot: [2880],
  }),
  unitTime({
    name: "team",
    costPerHour: 40,
    outreach: true,
    busyMinutes: 300,
    staffedMinutes: 1440,
    busyMinutesByHour: new Array(24).fill(12.5),
    staffedMinutesByHour: new Array(24).fill(60),
    busyMinutesBySlot: [300],
    staffedMinutesBySlot: [1440],
  }),
];

const hourlyA: Expected = {};
for (let h = 0; h < 24; h++) {
  hourlyA[hourlyUtilizationName("patrol", h)] = (2 * h + 2) / 120;
  hourlyA[hourlyUtilizationName("team", h)] = 12.5 / 60;
}

// Staffing: patrol 48 h x 60 + team 24 h x 40 + hub 12 h x 50 = 2,880 + 960 + 600. Outcomes: 600 + 1,000 + 500 + 800.
const staffingA = 2880 + 960 + 600;
const outcomesA = 600 + 1000 + 500 + 800;

const worldA: World = {
  name: "recorder: twelve hand-built calls in the window, two outside it",
  values: () => {
    const recorder = new ReplicationRecorder({ windowStartMin: 60, windowEndMin: 1500, maxPriority: 2, priority1TargetMin: 10 });
    for (const call of callsA) recorder.record(call);
    return recorder.finish(unitTimesA, { busyMinutes: 120, staffedMinutes: 720, costPerHour: 50 }, { repeatCallsAvoided: 2, followUps: 5, followUpsConnected: 1 });
  },
  expected: {
    calls: 12,
    // Calls 3-9 and 12.
    bhCalls: 8,
    // Waits of the nine calls with a unit: 2, 5, 1, 0, 5, 3, 60, 0, 4; sorted 0 0 1 2 3 4 5 5 60.
    "queueWaitMin.mean": 80 / 9,
    "queueWaitMin.p50": 3,
    "queueWaitMin.p90": 60,
    // Responses: 8, 15, 21, 30, 30, 10, 68, 12, 9; sorted 8 9 10 12 15 21 30 30 68.
    "responseMin.mean": 203 / 9,
    "responseMin.p50": 15,
    "responseMin.p90": 68,
    // BH responses 21, 30, 30, 10, 68, 9.
    "responseMin.mean.behavioralHealth": 168 / 6,
    "responseMin.p90.behavioralHealth": 68,
    // By the priority calls arrived with: P1 = calls 1 and 2 (call 9 arrived as P2).
    "responseMin.mean.priority1": 11.5,
    "responseMin.p90.priority1": 15,
    "responseMin.mean.priority2": (21 + 30 + 30 + 10 + 68 + 12 + 9) / 7,
    "responseMin.p90.priority2": 68,
    priority1WithinTargetRate: 1 / 2,
    // Answered by a team or by phone with no officer: calls 3 and 5 (7 was abandoned, never answered).
    answeredWithoutPoliceCalls: 2,
    answeredWithoutPoliceRate: 2 / 8,
    // Answered, no arrest, ED or hold: 3 (referred), 5 (phone), 9 and 12 (resolved); not 7 (abandoned).
    noArrestEdHoldCalls: 4,
    noArrestEdHoldRate: 4 / 8,
    // BH arrests: call 6 (call 2's arrest is not a BH call).
    arrests: 1,
    arrestRate: 1 / 8,
    edRate: 1 / 8,
    holdRate: 1 / 8,
    // Calls 3, 4, 5, 6, 7, 9, 11, 12.
    eligibleCalls: 8,
    // Answered by the alternative: team on scene (3, 4, 12) or hub by phone (5).
    alternativeShare: 4 / 8,
    phoneResolvedRate: 1 / 8,
    // Calls 6 and 9; call 7 was abandoned, never a fallback.
    fallbackRate: 2 / 8,
    // The team served 3, 4 and 12: 4 asked for backup, 12 was handed over.
    backupRate: 1 / 3,
    handoverRate: 1 / 3,
    declineRate: 1 / 8,
    abandonedRate: 2 / 12,
    "abandonedRate.behavioralHealth": 1 / 8,
    escalationRate: 1 / 8,
    // Calls 5, 6, 7 reached the hub; 5 and 6 were triaged after 4 and 10 minutes.
    hubCalls: 3,
    "hubWaitMin.mean": 7,
    "hubWaitMin.p90": 10,
    hubUtilization: 120 / 720,
    hubStaffHours: 12,
    repeatCalls: 1,
    repeatCallsAvoided: 2,
    followUps: 5,
    followUpsConnected: 1,
    // Officer-minutes on BH calls: 30 + 40 + 60 + 30 + 15.
    officerHoursBH: 175 / 60,
    "cost.staffing": staffingA,
    "cost.outcomes": outcomesA,
    "cost.total": staffingA + outcomesA,
    "cost.perCall": (staffingA + outcomesA) / 12,
    "cost.perBHCall": (staffingA + outcomesA) / 8,
    "utilization.patrol": 600 / 2880,
    "utilization.team": 300 / 1440,
    "outreachHours.patrol": null,
    "outreachHours.team": (1440 - 300) / 60,
    ...hourlyA,
  },
  approximate: ["queueWaitMin.p50", "responseMin.p50"],
};

// ---------------------------------------------------------------------------------------------
// World B: the recorder with two zones; units by pool slot (north, south, no zone).
// ---------------------------------------------------------------------------------------------
const ZONES = ["north", "south"];
const worldB: World = {
  name: "recorder: calls and units by zone",
  values: () => {
    const recorder = new ReplicationRecorder({ windowStartMin: 0, windowEndMin: 1440, maxPriority: 2, priority1TargetMin: 10, zones: ZONES });
    const calls = [
      // North: a P1 call (response 6), a BH call (20), a BH call that arrived P2 and was escalated to P1 (40), an abandoned one.
      record({ zone: 0, arrivalPriority: 1, onSceneMin: 106 }),
      record({ zone: 0, behavioralHealth: true, onSceneMin: 120 }),
      record({ zone: 0, behavioralHealth: true, priority: 1, escalated: true, onSceneMin: 140 }),
      record({ zone: 0, abandoned: true, ...unanswered }),
      // South: a BH call (12) and another call (8); no P1 call.
      record({ zone: 1, behavioralHealth: true, onSceneMin: 112 }),
      record({ zone: 1, onSceneMin: 108 }),
      // No zone: counted city-wide only.
      record({ zone: -1, arrivalPriority: 1, behavioralHealth: true, onSceneMin: 199 }),
    ];
    for (const call of calls) recorder.record(call);
    return recorder.finish(
      [
        // Patrol based in north (300 busy of 1,440) and south (120 of 720); none without a zone.
        unitTime({ name: "patrol", busyMinutes: 420, staffedMinutes: 2160, busyMinutesBySlot: [300, 120, 0], staffedMinutesBySlot: [1440, 720, 0] }),
        // The team has no zone: nothing by zone.
        unitTime({ name: "team", busyMinutes: 200, staffedMinutes: 600, busyMinutesBySlot: [0, 0, 200], staffedMinutesBySlot: [0, 0, 600] }),
      ],
      null,
    );
  },
  expected: {
    "zone.north.calls": 4,
    "zone.north.responseMin.mean": (6 + 20 + 40) / 3,
    "zone.north.responseMin.p90": 40,
    // By the priority the call arrived with: only the first north call.
    "zone.north.responseMin.mean.priority1": 6,
    "zone.north.responseMin.p90.priority1": 6,
    "zone.north.responseMin.mean.behavioralHealth": 30,
    "zone.north.responseMin.p90.behavioralHealth": 40,
    "zone.north.busyHours.patrol": 5,
    "zone.north.utilization.patrol": 300 / 1440,
    "zone.north.busyHours.team": 0,
    "zone.north.utilization.team": null,
    "zone.south.calls": 2,
    "zone.south.responseMin.mean": 10,
    "zone.south.responseMin.p90": 12,
    "zone.south.responseMin.mean.priority1": null,
    "zone.south.responseMin.p90.priority1": null,
    "zone.south.responseMin.mean.behavioralHealth": 12,
    "zone.south.responseMin.p90.behavioralHealth": 12,
    "zone.south.busyHours.patrol": 2,
    "zone.south.utilization.patrol": 120 / 720,
    "zone.south.busyHours.team": 0,
    "zone.south.utilization.team": null,
    // Without a hub: no hub time, no hub calls, nothing added to staffing (no cost per hour here).
    hubCalls: 0,
    "hubWaitMin.mean": null,
    "hubWaitMin.p90": null,
    hubUtilization: null,
    hubStaffHours: 0,
    "cost.staffing": 0,
    calls: 7,
  },
};

// ---------------------------------------------------------------------------------------------
// System worlds: the whole response system on fixed-time calls.
// ---------------------------------------------------------------------------------------------
function run(scenario: Record<string, unknown>, calls: CallArrival[], model = 0): MetricValues {
  const { config } = validateScenario(scenario, "tiny.yaml");
  return runReplication({ scenario: config, modelIndex: model, replication: 0, source: new ListCallSource(calls) }).values;
}

const patrol = (tinyScenario().unitTypes as any).patrol;
const team = { crew: { clinician: 1, peer: 1 }, costPerHour: 50, onSceneMin: { default: { dist: "fixed", value: 30 } }, dispositions: { default: { referred: 1 } } };
const allDay = (units: number) => [{ from: "00:00", to: "24:00", units }];
const bh = (t: number, extra: Partial<CallArrival> = {}) => arrival(t, { behavioralHealth: true, ...extra });

/** Patrol (officer, 10 min on scene, $60/h) and a civilian team (30 min, $50/h), one unit each all day. */
function outreachWorld(rule: Record<string, unknown>, extra: Record<string, unknown> = {}, hub?: Record<string, unknown>): Record<string, unknown> {
  return tinyScenario({
    unitTypes: { patrol, team },
    models: {
      outreach: {
        staffing: { patrol: allDay(1), team: allDay(1) },
        ...(hub ? { hub: { staff: allDay(1), costPerHour: 40, triageMin: { dist: "fixed", value: 2 }, phoneResolution: 0, ...hub } } : {}),
        dispatch: [{ match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 60, ...rule }, { send: ["patrol"] }],
      },
    },
    ...extra,
  });
}

// Patrol and team each staffed 24 h: 24 x 60 + 24 x 50.
const STAFFING_TWO_TYPES = 24 * 60 + 24 * 50;

const systemWorlds: World[] = [
  {
    // Warm-up day 0, measured day 1 = [1440, 2880). One patrol unit all day, 4 minutes' travel, 10 on scene.
    // 700: warm-up, not counted. 1435: warm-up call, busy 1435-1449: only its 9 minutes after 1440 count.
    // 1500 and 2000 (P1): counted, each busy 14 minutes (1500-1514 in hour 01, 2000-2014 in hour 09).
    name: "system: a non-zero warm-up is cut from calls and from unit time",
    values: () => {
      const scenario: any = tinyScenario({ run: { horizonDays: 1, warmupDays: 1, seed: 1, replications: 1 } });
      scenario.unitTypes.patrol.travelMin = { dist: "fixed", value: 4 };
      return run(scenario, [arrival(700), arrival(1435), arrival(1500), arrival(2000, { priority: 1 })]);
    },
    expected: {
      calls: 2,
      "responseMin.mean": 4,
      "responseMin.mean.priority1": 4,
      priority1WithinTargetRate: 1,
      "utilization.patrol": (9 + 14 + 14) / 1440,
      // Hour 00 of the window is 1440-1500 (9 busy); hour 23 is 2820-2880 (the warm-up's 1435-1440 is not in it).
      "utilizationByHour.patrol.h00": 9 / 60,
      "utilizationByHour.patrol.h01": 14 / 60,
      "utilizationByHour.patrol.h09": 14 / 60,
      "utilizationByHour.patrol.h23": 0,
      // 24 paid unit-hours in the window at $60.
      "cost.staffing": 24 * 60,
      "cost.total": 24 * 60,
      "cost.perCall": (24 * 60) / 2,
      hubStaffHours: 0,
    },
  },
  {
    // The team takes BH call 0 (0-30); BH call 1 waits for it, its caller hangs up at 4 (patience 3 from 1).
    name: "system: an abandoned call is answered by nobody and is never a fallback",
    values: () => run(outreachWorld({}, { waiting: { abandonment: { patienceMin: { dist: "fixed", value: 3 } } } }), [bh(0), bh(1)]),
    expected: {
      bhCalls: 2,
      abandonedRate: 1 / 2,
      "abandonedRate.behavioralHealth": 1 / 2,
      answeredWithoutPoliceCalls: 1,
      answeredWithoutPoliceRate: 1 / 2,
      noArrestEdHoldCalls: 1,
      noArrestEdHoldRate: 1 / 2,
      alternativeShare: 1 / 2,
      fallbackRate: 0,
      "queueWaitMin.mean": 0,
      officerHoursBH: 0,
    },
  },
  {
    // The team takes call 0 (0-30); call 1 (at 5) waits 10 minutes, then patrol takes it at 15.
    name: "system: a call that waited out its fallback time goes to police",
    values: () => run(outreachWorld({ fallbackAfterMin: 10 }), [bh(0), bh(5)]),
    expected: {
      eligibleCalls: 2,
      fallbackRate: 1 / 2,
      alternativeShare: 1 / 2,
      answeredWithoutPoliceRate: 1 / 2,
      "queueWaitMin.mean": 5,
      "responseMin.mean.behavioralHealth": 5,
      officerHoursBH: 10 / 60,
      "utilization.team": 30 / 1440,
      "utilization.patrol": 10 / 1440,
      "cost.staffing": STAFFING_TWO_TYPES,
    },
  },
  {
    // Via the hub (one staff member, 2-minute triage), resolved by phone at 2: no unit, no officer.
    name: "system: a call the hub resolves by phone is answered by the alternative without police",
    values: () => run(outreachWorld({ viaHub: true }, {}, { phoneResolution: 1 }), [bh(0)]),
    expected: {
      phoneResolvedRate: 1,
      alternativeShare: 1,
      answeredWithoutPoliceRate: 1,
      noArrestEdHoldRate: 1,
      fallbackRate: 0,
      "responseMin.mean": null,
      hubCalls: 1,
      "hubWaitMin.mean": 0,
      hubUtilization: 2 / 1440,
      hubStaffHours: 24,
      // Hub staff paid 24 h at $40 on top of patrol and team.
      "cost.staffing": STAFFING_TWO_TYPES + 24 * 40,
    },
  },
  {
    // The team on scene at 0 asks for backup; patrol travels 5, is on scene 5-15: an officer attended.
    name: "system: a team call with police backup is answered with police",
    values: () => {
      const scenario: any = outreachWorld({});
      scenario.unitTypes.team = { ...team, backup: { share: 1, send: ["patrol"], priority: 1 } };
      scenario.unitTypes.patrol = { ...patrol, travelMin: { dist: "fixed", value: 5 } };
      return run(scenario, [bh(0)]);
    },
    expected: {
      backupRate: 1,
      alternativeShare: 1,
      answeredWithoutPoliceRate: 0,
      noArrestEdHoldRate: 1,
      officerHoursBH: 15 / 60,
      "responseMin.mean": 0,
    },
  },
  {
    // Team 0-30 with BH call 0. BH weapon calls go to patrol only: call 2 (patrol 2-12), call 3 waits
    // for patrol. BH call 1 waits for the team; at 6 the escalation moves it to patrol (an
    // escalation). Call 3's escalation at 8 finds it already waiting for police: priority only, not
    // counted. Patrol takes calls 1 and 3 at 12 and 22 (both P1 by then). All four arrived as P2.
    name: "system: only an escalation that moves a call to police counts, and per-priority figures keep the arrival priority",
    values: () =>
      run(
        outreachWorld({}, {
          waiting: { escalation: { afterMin: 5, toPriority: 1 } },
          models: {
            outreach: {
              staffing: { patrol: allDay(1), team: allDay(1) },
              dispatch: [
                { match: { behavioralHealth: true, weapon: true }, send: ["patrol"] },
                { match: { behavioralHealth: true }, send: ["team", "patrol"], fallbackAfterMin: 60 },
                { send: ["patrol"] },
              ],
            },
          },
        }),
        [bh(0), bh(1), bh(2, { weapon: true }), bh(3, { weapon: true })],
      ),
    expected: {
      bhCalls: 4,
      escalationRate: 1 / 4,
      // Responses 0, 0 and (12 - 1) + (22 - 3) in either order: 30 in all.
      "responseMin.mean.priority2": 30 / 4,
      "responseMin.mean.priority1": null,
      "responseMin.p90.priority1": null,
      priority1WithinTargetRate: null,
      // Call 1 was routed to the team and served by police.
      eligibleCalls: 2,
      fallbackRate: 1 / 2,
    },
  },
  {
    // One hub staff member, 2-minute triage, patience 1.2 from the call received, a call may wait
    // 1.5 for triage or for the team. Call 0 is triaged 0-2 and gets the team at 2 (busy to 32).
    // Call 1 (at 1) waits until 2 and is triaged 2-4; its patience runs out at 2.2, on the line with
    // the hub, so when it would wait for the busy team at 4 its caller hangs up. Call 1.5 waits for
    // triage and hangs up at 2.7. Hub waits: 0 and 1 (call 1.5 was never triaged).
    name: "system: hub calls wait for a staff member; the wait counts only calls the hub triaged",
    values: () => run(outreachWorld({ viaHub: true, fallbackAfterMin: 1.5 }, { waiting: { abandonment: { patienceMin: { dist: "fixed", value: 1.2 } } } }, {}), [bh(0), bh(1), bh(1.5)]),
    expected: {
      hubCalls: 3,
      "hubWaitMin.mean": 0.5,
      "hubWaitMin.p90": 1,
      hubUtilization: 4 / 1440,
      hubStaffHours: 24,
      abandonedRate: 2 / 3,
      alternativeShare: 1 / 3,
      fallbackRate: 0,
      answeredWithoutPoliceRate: 1 / 3,
      "queueWaitMin.mean": 0,
      "cost.staffing": STAFFING_TWO_TYPES + 24 * 40,
    },
  },
  {
    // Zones north and south, travel 5 within a zone and 10 across; one patrol unit based in each.
    // 100 (north): north unit, busy 100-115. 200 (south): south unit, 200-215. 300 (south, BH):
    // south unit, 300-315. 301 (south, P1): only the north unit is idle: travel 10, busy 301-321.
    name: "system: calls by their zone, unit time by the zone units are based in",
    values: () =>
      run(
        tinyScenario({
          geography: { zones: ["north", "south"], shares: [0.5, 0.5], travelMin: [[5, 10], [10, 5]] },
          models: { "police-only": { staffing: { patrol: [{ from: "00:00", to: "24:00", units: 1, zone: "north" }, { from: "00:00", to: "24:00", units: 1, zone: "south" }] }, dispatch: [{ send: ["patrol"] }] } },
        }),
        [arrival(100, { zone: 0 }), arrival(200, { zone: 1 }), bh(300, { zone: 1 }), arrival(301, { zone: 1, priority: 1 })],
      ),
    expected: {
      "zone.north.calls": 1,
      "zone.north.responseMin.mean": 5,
      "zone.north.responseMin.mean.priority1": null,
      "zone.north.responseMin.mean.behavioralHealth": null,
      "zone.south.calls": 3,
      "zone.south.responseMin.mean": 20 / 3,
      "zone.south.responseMin.p90": 10,
      "zone.south.responseMin.mean.priority1": 10,
      "zone.south.responseMin.p90.priority1": 10,
      "zone.south.responseMin.mean.behavioralHealth": 5,
      "zone.north.busyHours.patrol": 35 / 60,
      "zone.north.utilization.patrol": 35 / 1440,
      "zone.south.busyHours.patrol": 30 / 60,
      "zone.south.utilization.patrol": 30 / 1440,
      "utilization.patrol": 65 / 2880,
      "cost.staffing": 48 * 60,
    },
  },
];

// Two patrol units all day, 5 minutes' travel, 10 on scene. P1 calls get two units. Every call
// whose outcome is not replayed is cancelled 100 minutes after it is received (share 1), which
// only a call with no unit on scene by then feels. Replayed outcomes: calls 1, 2 and 5 cancelled
// (after 2 minutes each), call 4 not.
//   0 (P1, BH) at 0: both units, on scene 5-15 (2 x 15 busy); its cancellation at 100 comes too late.
//   1 (BH) at 1: waits (both busy); cancelled at 3, leaves the line: no unit.
//   2 at 20: a unit at 20, due at 25; cancelled at 22 and freed en route (2 busy).
//   3 at 30, 4 at 40: a unit each, response 5, busy 15.
//   5 (P1) at 60: two units, cancelled at 62 within the 10-minute target (2 x 2 busy): left out of
//   the P1 target figure.
const cancellationWorld = () =>
  tinyScenario({
    unitTypes: { patrol: { ...patrol, travelMin: { dist: "fixed", value: 5 } } },
    models: { "police-only": { staffing: { patrol: allDay(2) }, dispatch: [{ send: ["patrol"] }] } },
    cancellations: { share: { default: 1 }, afterMin: { default: { dist: "fixed", value: 100 } } },
    unitsPerCall: [{ match: { priorities: [1] }, units: 2 }],
  });
const cancellationCalls = [
  bh(0, { priority: 1 }),
  bh(1, { cancelled: true, cancelledAfterMin: 2 }),
  arrival(20, { cancelled: true, cancelledAfterMin: 2 }),
  arrival(30),
  arrival(40, { cancelled: false }),
  arrival(60, { priority: 1, cancelled: true, cancelledAfterMin: 2 }),
];
const cancellingWorld: World = {
  name: "system: cancelled calls leave the queue or free their units en route, and multi-unit responses count every unit",
  values: () => run(cancellationWorld(), cancellationCalls),
  expected: {
    calls: 6,
    bhCalls: 2,
    cancelledCalls: 3,
    cancelledRate: 3 / 6,
    "cancelledRate.behavioralHealth": 1 / 2,
    // Units: call 0 two, 2 one, 3 one, 4 one, 5 two; call 1 none.
    "unitsPerCall.mean": 7 / 5,
    multiUnitRate: 2 / 5,
    // Cancelled calls have no response: calls 0, 3 and 4 only.
    "responseMin.mean": 5,
    priority1WithinTargetRate: 1,
    "queueWaitMin.mean": 0,
    "utilization.patrol": (30 + 2 + 15 + 15 + 4) / 2880,
    // Call 0's two officers, 15 minutes each; call 1 had none.
    officerHoursBH: 30 / 60,
    answeredWithoutPoliceCalls: 0,
    noArrestEdHoldCalls: 1,
    abandonedRate: 0,
  },
};

const worlds = [worldA, worldB, ...systemWorlds, cancellingWorld];

function expectValue(values: MetricValues, name: string, expected: number | null, approximate: boolean): void {
  expect(values.has(name), `${name} is set`).toBe(true);
  const actual = values.get(name) ?? null;
  if (expected === null) {
    expect(actual, name).toBeNull();
    return;
  }
  expect(actual, name).not.toBeNull();
  if (approximate) expect(Math.abs(actual! - expected), name).toBeLessThanOrEqual(expected * 0.005);
  else expect(actual!, name).toBeCloseTo(expected, 9);
}

describe("metric values in tiny worlds", () => {
  for (const world of worlds) {
    it(world.name, () => {
      const values = world.values();
      for (const [name, expected] of Object.entries(world.expected)) expectValue(values, name, expected, world.approximate?.includes(name) ?? false);
    });
  }
});

describe("answered BH calls", () => {
  it("without police, with police, abandoned and cancelled add up to all BH calls", () => {
    const values = worldA.values();
    const bhCalls = values.get("bhCalls")!;
    // Answered with police: calls 4, 6, 8, 9 and 12.
    expect(values.get("answeredWithoutPoliceCalls")! + 5 + (values.get("abandonedRate.behavioralHealth")! + values.get("cancelledRate.behavioralHealth")!) * bhCalls).toBe(bhCalls);
    const cancelling = run(cancellationWorld(), cancellationCalls);
    // Answered with police: call 0; cancelled: call 1.
    expect(cancelling.get("answeredWithoutPoliceCalls")! + 1 + (cancelling.get("abandonedRate.behavioralHealth")! + cancelling.get("cancelledRate.behavioralHealth")!) * 2).toBe(cancelling.get("bhCalls"));
    expect(cancelling.get("cancelledRate.behavioralHealth")).toBe(1 / 2);
  });
});

describe("metric definitions", () => {
  // Unit types, priorities and zones of the worlds above.
  const scope: MetricScope = { unitTypes: [{ name: "patrol" }, { name: "team" }], maxPriority: 2, geography: { zones: ZONES } };
  const definitions = metricDefinitions(scope);
  const covered = new Set(worlds.flatMap((world) => Object.keys(world.expected)));

  it.each(definitions.map((d) => [d.name]))("%s has a hand-computed expected value in a tiny world", (name) => {
    expect(covered.has(name), `no world checks ${name}: add its expected value to a world above`).toBe(true);
  });

  it("has one plain description and a unit for every metric, and no name twice", () => {
    expect(new Set(definitions.map((d) => d.name)).size).toBe(definitions.length);
    for (const d of definitions) {
      expect(d.description.length, d.name).toBeGreaterThan(10);
      expect(d.description, d.name).not.toMatch(/divert/i);
    }
  });

  it("are exactly what the recorder sets, with and without zones", () => {
    expect([...worldB.values().keys()].sort()).toEqual(definitions.map((d) => d.name).sort());
    const noZones = metricDefinitions({ ...scope, geography: null });
    expect([...worldA.values().keys()].sort()).toEqual(noZones.map((d) => d.name).sort());
    expect(noZones.some((d) => d.name.startsWith("zone."))).toBe(false);
  });

  it("are exactly what a system run sets, zones included", () => {
    const scenario = systemWorlds[systemWorlds.length - 1];
    const values = scenario.values();
    const { config } = validateScenario(
      tinyScenario({ geography: { zones: ["north", "south"], shares: [0.5, 0.5], travelMin: [[5, 10], [10, 5]] } }),
      "tiny.yaml",
    );
    expect([...values.keys()].sort()).toEqual(metricDefinitions(config).map((d) => d.name).sort());
  });
});
