/** Reads a whole output folder, for tests that compare two runs' outputs file by file. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every file below `folder`, by its path relative to the folder, with its text. */
export function tree(folder: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(out, tree(folder, path));
    else out[path] = readFileSync(join(folder, path), "utf8");
  }
  return out;
}
