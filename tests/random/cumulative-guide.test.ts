import { describe, expect, it } from "vitest";
import {
  buildCumulativeGuide,
  buildCumulativeTable,
  searchCumulativeTable,
  searchGuided,
} from "../../src/random/cumulative-table.js";

/** Uniforms at and around every entry of the table and every guide boundary, plus a grid. */
function probes(cumulative: Float64Array, guideSize: number): number[] {
  const points: number[] = [0, 1 - 2 ** -53];
  for (const c of cumulative) points.push(c);
  for (let k = 0; k < guideSize; k++) points.push(k / guideSize);
  for (let i = 0; i < 1000; i++) points.push(i / 1000);
  const out: number[] = [];
  for (const p of points) {
    for (const u of [p - 2 ** -53, p, p + 2 ** -53]) if (u >= 0 && u < 1) out.push(u);
  }
  return out;
}

function table(weights: number[]): Float64Array {
  return buildCumulativeTable("test", "weights", weights, weights.length, "items").cumulative;
}

describe("the guided search of a cumulative table", () => {
  const cases: Record<string, number[]> = {
    "one entry": [1],
    "a few entries with zero weights": [0, 0.5, 0, 2, 1, 0.25, 3, 0],
    "uneven weights": [1e-9, 3, 1e-12, 0.1, 7, 0, 0, 2.5, 1 / 3, 1 / 7, 5, 0.01, 9],
    "many entries": Array.from({ length: 300 }, (_, i) => ((i * 7919) % 101) / 13 + (i % 5 === 0 ? 0 : 0.001)),
  };
  for (const [name, weights] of Object.entries(cases)) {
    it(`returns exactly what the binary search returns, for ${name}`, () => {
      const cumulative = table(weights);
      const guide = buildCumulativeGuide(cumulative);
      expect(guide).not.toBeNull();
      for (const u of probes(cumulative, guide!.length)) {
        expect(searchGuided(cumulative, guide, u)).toBe(searchCumulativeTable(cumulative, u));
      }
    });
  }

  it("never returns an entry of zero weight", () => {
    const weights = [0, 1, 0, 0, 2, 0];
    const cumulative = table(weights);
    const guide = buildCumulativeGuide(cumulative);
    for (const u of probes(cumulative, guide!.length)) {
      expect(weights[searchGuided(cumulative, guide, u)]).toBeGreaterThan(0);
    }
  });

  it("falls back to the binary search, with the same answers, for a table too long to guide", () => {
    const weights = Array.from({ length: 3000 }, (_, i) => 1 + (i % 7));
    const cumulative = table(weights);
    const guide = buildCumulativeGuide(cumulative);
    expect(guide).toBeNull();
    for (let i = 0; i < 5000; i++) {
      const u = i / 5000;
      expect(searchGuided(cumulative, guide, u)).toBe(searchCumulativeTable(cumulative, u));
    }
  });
});
