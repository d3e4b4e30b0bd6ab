/**
 * `npm run bench:startup`: whole-process start-up of the command line, median of 7 runs each
 * (after one warm-up), beside `node -e 0` as the floor. Target: `resim --help` and `resim validate`
 * of a small scenario under 0.15 s. Printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const MAIN = "dist/src/cli/main.js";

function median(args: string[]): number {
  spawnSync(process.execPath, args);
  const times = Array.from({ length: 7 }, () => {
    const start = performance.now();
    const run = spawnSync(process.execPath, args);
    if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${run.status}: ${run.stderr}`);
    return (performance.now() - start) / 1000;
  }).sort((a, b) => a - b);
  return times[3];
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}; median of 7 whole processes`);
for (const [label, args] of [
  ["node -e 0 (the floor)", ["-e", "0"]],
  ["resim --help", [MAIN, "--help"]],
  ["resim validate scenarios/validation/mmc.yaml", [MAIN, "validate", "scenarios/validation/mmc.yaml"]],
] as const) {
  console.log(`  ${label.padEnd(46)} ${median([...args]).toFixed(3)} s`);
}
console.log("  target: resim --help and resim validate under 0.150 s");
