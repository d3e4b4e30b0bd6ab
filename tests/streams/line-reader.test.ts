import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LineReader } from "../../src/streams/line-reader.js";

const folder = mkdtempSync(join(tmpdir(), "resim-lines-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function readAll(text: string, bufferBytes: number): string[] {
  const file = join(folder, "lines.txt");
  writeFileSync(file, text);
  const reader = new LineReader(file, bufferBytes);
  const lines: string[] = [];
  for (let line = reader.next(); line !== null; line = reader.next()) lines.push(line);
  return lines;
}

describe("LineReader", () => {
  it("returns each line without its LF or CRLF, and the last line without a final break", () => {
    expect(readAll("a\r\nbb\nccc", 4)).toEqual(["a", "bb", "ccc"]);
  });

  it("reads lines longer than its buffer, and multi-byte characters split between reads", () => {
    const long = "é".repeat(50);
    expect(readAll(`${long}\nx\n`, 7)).toEqual([long, "x"]);
  });

  it("counts the lines it returned", () => {
    const file = join(folder, "count.txt");
    writeFileSync(file, "h\n1\n2\n");
    const reader = new LineReader(file);
    reader.next();
    reader.next();
    expect(reader.lineNumber).toBe(2);
    reader.close();
  });
});
