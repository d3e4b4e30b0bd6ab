/**
 * The bad-input corpus: every class of mistake a careless or unlucky user makes, run through the
 * built `resim` as a child process (npm test builds dist/ first). Each case must end in time with
 * its exit code, say what its table row says (file, key path or line, expected, found), print no
 * stack trace, and keep to one line per problem. Add a row for every new bad input found.
 */
import { describe, expect, it } from "vitest";
import { ISSUE_11_CASES } from "./cases-issue-11.js";
import { HELD_CASES } from "./cases-held.js";
import { runCase, type Case } from "./corpus.js";

function check(c: Case) {
  return async () => {
    const { code, stdout, stderr, hung } = await runCase(c);
    const context = `resim ${c.args.join(" ")}\nstdout: ${stdout.slice(0, 500)}\nstderr: ${stderr.slice(0, 2000)}`;
    expect(hung, `did not end in time (a hang)\n${context}`).toBe(false);
    expect(code, context).toBe(c.exit);
    for (const said of c.says) {
      if (typeof said === "string") expect(stderr, context).toContain(said);
      else expect(stderr, context).toMatch(said);
    }
    for (const wrong of c.never ?? []) {
      if (typeof wrong === "string") expect(stderr, context).not.toContain(wrong);
      else expect(stderr, context).not.toMatch(wrong);
    }
    expect(stderr, `a stack trace\n${context}`).not.toMatch(/\n\s+at /);
    expect(stderr.trimEnd().split("\n").length, `more lines than the problem needs\n${context}`).toBeLessThanOrEqual(c.lines ?? 1);
    // A terminal never receives raw control characters from a message.
    expect(stderr, context).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  };
}

// Cases are independent processes in their own folders: a few run at once, which keeps the
// file well under a minute on a busy 2-core machine.
for (const [title, cases] of [
  ["issue 11: classes that failed before", ISSUE_11_CASES],
  ["classes that already held", HELD_CASES],
] as const) {
  describe.concurrent(title, () => {
    for (const c of cases) {
      const skip = c.skip?.() ?? null;
      if (skip !== null) it.skip(`${c.name} (${skip})`, () => {});
      else it(c.name, check(c), 60_000);
    }
  });
}
