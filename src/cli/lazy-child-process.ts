/**
 * What the bundle (`npm run bundle`, `--alias:node:child_process=...`) gives commander in place of
 * node:child_process. Commander loads that module when it loads, for subcommands that are separate
 * executables, which resim has none of; loading it costs about a tenth of `resim validate`'s
 * start-up (it brings net, dgram and streams with it). Here it is loaded only if a function of it
 * is called. Nothing in src/ imports node:child_process itself; should something start to, a
 * function it imports that this file lacks fails the bundle's build, never a run.
 */
import type * as ChildProcess from "node:child_process";

const childProcess = (): typeof ChildProcess => process.getBuiltinModule("node:child_process");

export const spawn: typeof ChildProcess.spawn = ((...args: Parameters<typeof ChildProcess.spawn>) => childProcess().spawn(...args)) as typeof ChildProcess.spawn;
