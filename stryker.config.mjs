// Mutation testing (StrykerJS, jest runner): `npm run mutate`. Not part of `npm test` or CI: a
// full run takes tens of minutes. The report is written to reports/mutation/ (HTML and JSON).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "jest.stryker.config.js" },
  mutate: ["src/core/**/*.ts", "src/workbook/writeLevel2.ts"],
  coverageAnalysis: "perTest",
  // Static mutants (module-level constants: the message table, labels, the catalog schema, the
  // suffix lists) each need the whole suite in a fresh process: two thirds of the run time for
  // a fifth of the mutants. They are left out; `npm run mutate -- --ignoreStatic false` includes them.
  ignoreStatic: true,
  // The machine and CI have 2 cores; more runners only fight over them.
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Build output and generated folders are not inputs of the tests.
  ignorePatterns: ["dist", "dist-web", "demo-utdata", "coverage", "reports", ".bench"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
