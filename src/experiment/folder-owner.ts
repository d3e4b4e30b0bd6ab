/**
 * A study may share a folder with a run of the same scenario (`resim report` then adds the sweep
 * curves to that run's report), but never with results of another scenario: the report would
 * draw one scenario's sweep beside another's run. The folder's scenario is read from its
 * summary.json (a run) and study.json (a sweep or sensitivity analysis).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { portableFileName } from "../scenario/provenance.js";
import { readRegularFile } from "../streams/input-file.js";
import { StudyError } from "./study.js";

/** What names a scenario in a results folder. */
export interface FolderScenario {
  scenario: string;
  scenarioFile: string;
}

/** The scenarios whose results `folder` holds, by the file that says so (unreadable files are left to the commit). */
function folderScenarios(folder: string): (FolderScenario & { from: string })[] {
  const found: (FolderScenario & { from: string })[] = [];
  for (const from of ["summary.json", "study.json"]) {
    const file = join(folder, from);
    if (!existsSync(file)) continue;
    try {
      const data = JSON.parse(readRegularFile(file, "a results file").toString("utf8")) as Partial<FolderScenario>;
      if (typeof data.scenario === "string" && typeof data.scenarioFile === "string") found.push({ scenario: data.scenario, scenarioFile: data.scenarioFile, from });
    } catch {
      // Not a resim file, or a damaged one: the folder commit replaces or refuses it with its own message.
    }
  }
  return found;
}

/**
 * Throws StudyError (exit 2) when `folder` holds results of a scenario other than `mine` (another
 * name, or another file), naming both.
 */
export function checkFolderScenario(folder: string, mine: FolderScenario, what: string): void {
  const file = portableFileName(mine.scenarioFile);
  for (const other of folderScenarios(folder)) {
    const otherFile = portableFileName(other.scenarioFile);
    if (other.scenario === mine.scenario && otherFile === file) continue;
    throw new StudyError(
      `${folder} holds results of scenario '${other.scenario}' (${otherFile}, per its ${other.from}); refusing to write ${what} of scenario '${mine.scenario}' (${file}) into it: choose another --out, or remove the folder`,
    );
  }
}
