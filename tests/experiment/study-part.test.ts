/** A study's part files in a folder: committed as one set, shards of one study written into one folder add up, readers check them. */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeStudyParts, readStudyPart, studyPartComplete, writeStudyPart, type PointResult, type StudyManifest } from "../../src/experiment/study.js";
import { scratchFolders } from "../report/scratch.js";

const scratch = scratchFolders("resim-study-part-");

const manifest = (seed = 1): StudyManifest => ({
  kind: "sweep",
  scenario: "s",
  scenarioFile: "s.yaml",
  seed,
  replications: 2,
  horizonDays: 1,
  baseline: "m",
  models: ["m"],
  points: 4,
  settings: {},
  scenarioDigest: "d",
});
const point = (i: number): PointResult => ({ point: i, assignments: [["x", i]], models: [{ name: "m", description: "" }], metrics: ["calls"], values: [[[i], [i + 1]]] });

describe("study parts", () => {
  it("keeps the points of the same study that an earlier shard wrote into the folder", () => {
    const folder = scratch();
    writeStudyPart(folder, manifest(), [point(0), point(2)]);
    writeStudyPart(folder, manifest(), [point(1), point(3)]);
    const part = readStudyPart(folder);
    expect(part.points.map((p) => p.point)).toEqual([0, 1, 2, 3]);
    expect(mergeStudyParts([{ folder, ...part }]).points).toHaveLength(4);
  });

  it("replaces the points of another study (another seed) instead of mixing them in", () => {
    const folder = scratch();
    writeStudyPart(folder, manifest(1), [point(0), point(2)]);
    writeStudyPart(folder, manifest(2), [point(1)]);
    expect(readdirSync(join(folder, "points"))).toEqual(["point-0001.json"]);
    expect(readStudyPart(folder).manifest.seed).toBe(2);
  });

  it("refuses a part whose point file changed after it was written, naming the file", () => {
    const folder = scratch();
    writeStudyPart(folder, manifest(), [point(0)]);
    writeFileSync(join(folder, "points", "point-0000.json"), JSON.stringify(point(0)).replace("[[0]", "[[7]") + "\n");
    expect(() => readStudyPart(folder)).toThrow(`${join(folder, "points", "point-0000.json")}: cannot be read as a study file: its SHA-256 differs from the one in resim-manifest.json: it changed after resim wrote it`);
  });

  it("records the shards written into a part, so merge names a missing one as I/N", () => {
    const [a, b] = [scratch(), scratch()];
    writeStudyPart(a, manifest(), [point(0)], { index: 1, count: 4 });
    writeStudyPart(a, manifest(), [point(2)], { index: 3, count: 4 });
    writeStudyPart(b, manifest(), [point(1)], { index: 2, count: 4 });
    expect(readStudyPart(a).shards).toEqual([{ index: 1, count: 4 }, { index: 3, count: 4 }]);
    expect(() => mergeStudyParts([a, b].map((folder) => ({ folder, ...readStudyPart(folder) })))).toThrow(
      "the study has 4 points in 4 shards; missing shard 4/4 (points 3): run it again with --shard 4/4 and the same flags, then merge",
    );
  });

  it("names missing points when the parts were cut into different numbers of shards", () => {
    const [a, b] = [scratch(), scratch()];
    writeStudyPart(a, manifest(), [point(0), point(2)], { index: 1, count: 2 });
    writeStudyPart(b, manifest(), [point(1)], { index: 2, count: 4 });
    expect(() => mergeStudyParts([a, b].map((folder) => ({ folder, ...readStudyPart(folder) })))).toThrow("the study has 4 points; missing 1: 3 (run the remaining shards)");
  });

  it("knows a shard complete only when the same study holds every one of its points, unchanged", () => {
    const folder = scratch();
    writeStudyPart(folder, manifest(), [point(1)], { index: 2, count: 2 });
    expect(studyPartComplete(folder, manifest(), { index: 1, count: 2 })).toBe(false);
    expect(studyPartComplete(folder, manifest(2), { index: 2, count: 2 })).toBe(false);
    writeStudyPart(folder, manifest(), [point(3)], { index: 2, count: 2 });
    expect(studyPartComplete(folder, manifest(), { index: 2, count: 2 })).toBe(true);
    writeFileSync(join(folder, "points", "point-0003.json"), "{}\n");
    expect(studyPartComplete(folder, manifest(), { index: 2, count: 2 })).toBe(false);
  });
});
