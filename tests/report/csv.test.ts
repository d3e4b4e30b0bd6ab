/** CSV cells: RFC 4180 quoting and the spreadsheet formula-injection guard (OWASP "CSV injection"). */
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/report/csv.js";

describe("csvCell", () => {
  it("prefixes text starting with =, +, -, @, tab or carriage return with an apostrophe", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`);
  });

  it("leaves numbers as numbers, so a negative difference stays a number", () => {
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(0)).toBe("0");
  });

  it("writes null and non-finite numbers as empty cells", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(Infinity)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("a,b")).toBe(`"a,b"`);
    expect(csvCell(`say "hi"`)).toBe(`"say ""hi"""`);
    expect(csvCell("two\nlines")).toBe(`"two\nlines"`);
  });

  it("leaves ordinary text and text with a dash inside alone", () => {
    expect(csvCell("co-responder")).toBe("co-responder");
    expect(csvCell("minus police-only")).toBe("minus police-only");
  });
});

describe("toCsv", () => {
  it("guards every cell of a row, header included, and ends with a newline", () => {
    expect(toCsv(["model", "=x"], [["=cmd|' /C calc'!A0", -3]])).toBe(`model,'=x\n'=cmd|' /C calc'!A0,-3\n`);
  });
});
