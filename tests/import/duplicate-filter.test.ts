/**
 * Duplicates among many calls of one second: the filter compares a few calls' ids byte by byte and
 * looks the others up by id, and both ways must find the same duplicates.
 */
import { describe, expect, it } from "vitest";
import { DUPLICATE_ID, DUPLICATE_ROW } from "../../src/import/duplicate-filter.js";
import { importTiny } from "./helpers.js";

const row = (id: string, type = "Noise") => `${id},2023-01-01 09:00:00,${type},B,1,,`;

describe("duplicates among the calls of one busy second", () => {
  it("finds the duplicates of the first and of the last of twenty calls received in the same second, and keeps ids that differ only at the end", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `E${i}`);
    const { tally, table } = importTiny([...ids.map((id) => row(id)), row("E0"), row("E19", "Shooting"), row("E1"), row("E10"), row("E100")]);
    expect(tally.skipped.get(DUPLICATE_ROW)?.lines).toEqual([22, 24, 25]);
    expect(tally.skipped.get(DUPLICATE_ID)?.lines).toEqual([23]);
    expect(tally.kept).toBe(21);
    expect(table.split("\n").filter((line) => line.includes(",E100,")).length).toBe(1);
  });

  it("finds a duplicate among three calls of a second as among twenty", () => {
    const { tally } = importTiny([row("A"), row("B"), row("C"), row("B"), row("C", "Shooting")]);
    expect(tally.skipped.get(DUPLICATE_ROW)?.lines).toEqual([5]);
    expect(tally.skipped.get(DUPLICATE_ID)?.lines).toEqual([6]);
    expect(tally.kept).toBe(3);
  });

  it("forgets a second's ids when the next second starts", () => {
    const many = Array.from({ length: 12 }, (_, i) => row(`E${i}`));
    const { tally } = importTiny([...many, "E0,2023-01-01 09:00:01,Noise,B,1,,", "E11,2023-01-01 09:00:01,Noise,B,1,,"]);
    expect(tally.skipped.size).toBe(0);
    expect(tally.kept).toBe(14);
  });
});
