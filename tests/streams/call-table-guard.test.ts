import { describe, expect, it } from "vitest";
import { csvText } from "../../src/streams/call-table.js";

describe("call table text cells", () => {
  it("guard text a spreadsheet would run as a formula, and quote what needs quoting", () => {
    expect(csvText("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvText("-2+3, then")).toBe(`"'-2+3, then"`);
    expect(csvText("415 DISTURBANCE")).toBe("415 DISTURBANCE");
  });
});
