import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const randomRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../src/random");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(directory, entry.name))
      : entry.name.endsWith(".ts") ? [join(directory, entry.name)] : [],
  );
}

describe("src/random sources", () => {
  const files = sourceFiles(randomRoot);

  it("exist", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("never call Math.random or Date.now", () => {
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/Math\.random|Date\.now/);
    }
  });

  it("import only seedrandom and other files inside src/random, with the .js suffix", () => {
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/from\s+"([^"]+)"/g)) {
        const specifier = match[1];
        if (specifier === "seedrandom") continue;
        expect(specifier, file).toMatch(/^\.{1,2}\/.*\.js$/);
        const target = resolve(dirname(file), specifier);
        expect(relative(randomRoot, target).startsWith(".."), `${file} imports ${specifier}`).toBe(false);
      }
    }
  });
});
