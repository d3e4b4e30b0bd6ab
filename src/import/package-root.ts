/**
 * Where resim's own data ships (data/mappings, data/taxonomy, scenarios, schema): the folder of
 * its package.json, found from this module (src/ under tsx, dist/src/ when built, or an
 * installed package), so a city's files kept elsewhere can name a shipped taxonomy.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | null = null;

/** The folder of resim's package.json. */
export function packageRoot(): string {
  if (root !== null) return root;
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "resim") return (root = folder);
    if (dirname(folder) === folder) throw new Error("resim's package.json was not found above the command's folder");
  }
}

/** A bare name like `resim` or `san-diego` names a shipped taxonomy; anything else is a path. */
const SHIPPED_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The taxonomy file `reference` names, from the file `from` that names it: a shipped taxonomy's
 * name (data/taxonomy/NAME.yaml of the package), or a path relative to `from`'s folder.
 */
export function taxonomyFile(reference: string, from: string): string {
  return SHIPPED_NAME.test(reference) ? join(packageRoot(), "data", "taxonomy", `${reference}.yaml`) : resolve(dirname(from), reference);
}
