/** The layering rule for src/report (DESIGN.md section 6) and its determinism, checked on the sources. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith(".ts") ? [join(directory, entry.name)] : [],
  );
}

describe("src/report sources", () => {
  const files = sourceFiles("src/report");

  it("never import the engine", () => {
    for (const file of files) expect(readFileSync(file, "utf8"), file).not.toMatch(/from\s+["'](\.\.\/)+engine\//);
  });

  it("never read a clock or an unseeded random source, so the same run gives the same report", () => {
    for (const file of files) expect(readFileSync(file, "utf8"), file).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now/);
  });
});
