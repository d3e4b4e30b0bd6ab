/**
 * The entry of dist/bundle/validate.cjs, the CommonJS bundle `resim validate` runs from after
 * `npm run build` (see main.ts): the same command line as every other command, holding only the
 * validate command.
 */
import { runCli } from "./cli.js";
import { validateCommand } from "./validate-command.js";

void runCli(process.argv, async () => validateCommand());
