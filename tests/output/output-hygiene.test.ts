/**
 * The layering rule for src/output (DESIGN.md section 6): it writes files and knows no
 * simulation, so it imports only Node's modules and its own; and its names for temporary files
 * come from crypto, never from Math.random or a clock.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const files = readdirSync("src/output").filter((name) => name.endsWith(".ts")).map((name) => join("src/output", name));

describe("src/output sources", () => {
  it("import only node: modules and files of src/output", () => {
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      for (const [, specifier] of readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)) {
        expect(specifier, file).toMatch(/^node:|^\.\/[\w-]+\.js$/);
      }
    }
  });

  it("never use Math.random or a clock", () => {
    for (const file of files) expect(readFileSync(file, "utf8"), file).not.toMatch(/Math\.random|Date\.now|new Date\(/);
  });
});

describe("src sources", () => {
  it("name no temporary file after the process id (predictable, so a link can be planted there)", () => {
    const sources = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith(".ts") ? [join(folder, entry.name)] : []));
    for (const file of sources("src")) expect(readFileSync(file, "utf8"), file).not.toMatch(/tmp-\$\{process\.pid\}/);
  });
});
