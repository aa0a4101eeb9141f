/**
 * fast-check for mutation runs only (jest.stryker.config.js maps "fast-check" here): property
 * tests check 20 generated cases instead of hundreds. Each mutant reruns the tests that cover
 * it, and at full length the roll-up's properties alone took 15 s per mutant; 20 cases still
 * find a wrong sum, ratio or median.
 */
// The real module by its path, which the mapping of the bare name "fast-check" does not catch.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const real = require("../../node_modules/fast-check/lib/cjs/fast-check.js") as typeof import("fast-check");

const MUTATION_RUNS = 20;

const assert: typeof real.assert = ((property: Parameters<typeof real.assert>[0], params?: Parameters<typeof real.assert>[1]) =>
  real.assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? MUTATION_RUNS, MUTATION_RUNS) })) as typeof real.assert;

const fc = { ...real, assert };
module.exports = { ...fc, default: fc, __esModule: true };
