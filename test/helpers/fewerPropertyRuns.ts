/**
 * For mutation runs only (setupFilesAfterEnv of jest.stryker.config.js): property tests check
 * 20 generated cases instead of hundreds. Each mutant reruns the tests that cover it, and at
 * full length the roll-up's properties alone took 15 s per mutant; 20 cases still find a wrong
 * sum, ratio or median. fast-check's exports are read-only getters that return the runner's
 * `assert`, so the runner's export is the one replaced.
 */
import * as path from "node:path";
import { createRequire } from "node:module";

type Assert = typeof import("fast-check").assert;
const MUTATION_RUNS = 20;

const runnerPath = path.join(
  path.dirname(createRequire(__filename).resolve("fast-check")),
  "check",
  "runner",
  "Runner.js",
);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runner = require(runnerPath) as { assert: Assert };
const assert = runner.assert;
runner.assert = ((property: Parameters<Assert>[0], params?: Parameters<Assert>[1]) =>
  assert(property, {
    ...params,
    numRuns: Math.min(params?.numRuns ?? MUTATION_RUNS, MUTATION_RUNS),
  })) as Assert;
