import { describe, expect, it } from "vitest";
import { parseShard, shardPoints, StudyError } from "../../src/experiment/study.js";
import { parseValues, sweepPoints } from "../../src/experiment/sweep.js";

describe("sweep values and points", () => {
  it("reads an integer range, a stepped range and a list", () => {
    expect(parseValues("1..4")).toEqual([1, 2, 3, 4]);
    expect(parseValues("0.2..1:0.2")).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(parseValues("2, 4,8")).toEqual([2, 4, 8]);
    expect(parseValues("true,false")).toEqual([true, false]);
  });

  it("rejects a backwards range and an empty list entry", () => {
    expect(() => parseValues("5..1")).toThrow(new StudyError("--values 5..1: a range must be FROM..TO[:STEP] with FROM <= TO and STEP > 0"));
    expect(() => parseValues("1,,2")).toThrow(/expected a range like 1..8 or a list like 2,4,8/);
  });

  it("crosses two parameters with the first varying slowest", () => {
    expect(sweepPoints([{ path: "a", values: [1, 2] }, { path: "b[0].c", values: ["x", "y"] }])).toEqual([
      [["a", 1], ["b[0].c", "x"]],
      [["a", 1], ["b[0].c", "y"]],
      [["a", 2], ["b[0].c", "x"]],
      [["a", 2], ["b[0].c", "y"]],
    ]);
  });

  it("splits points across shards so that every point runs exactly once", () => {
    const shards = [1, 2, 3].map((index) => shardPoints(8, { index, count: 3 }));
    expect(shards).toEqual([[0, 3, 6], [1, 4, 7], [2, 5]]);
    expect(() => parseShard("4/3")).toThrow(/--shard must be I\/N with 1 <= I <= N, like 2\/8, got '4\/3'/);
    expect(parseShard("2/8")).toEqual({ index: 2, count: 8 });
  });
});
