/**
 * The tests Stryker runs against each mutant of src/core and the level-2 writer: the core tests
 * and the in-memory level-2 writer test. Left out, because each mutant reruns every test that
 * covers it and these take seconds apiece on files (on 2 cores a run with them took hours):
 * the command line, the file round trip and template writer, the Excel adapter and the task
 * pane. They test other layers; the figures, checks and texts they touch are pinned down by
 * the core tests. test/core/messages.test.ts scans src/ for problem codes, which in Stryker's
 * sandbox is instrumented, so the scan finds none. LibreOffice is reported as absent
 * (test/helpers/noLibreOffice.ts), so a LibreOffice test added to these paths skips itself, and
 * property tests run 20 cases each (test/helpers/fewerPropertyRuns.ts).
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  // src/ in the roots too: Stryker asks jest for the tests related to a mutated file, and jest
  // finds them only through imports it can see (test → validate.ts → rules/balance.ts).
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["<rootDir>/test/core/**/*.test.ts", "<rootDir>/test/workbook/level2*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/core/messages\\.test\\.ts$"],
  setupFilesAfterEnv: ["<rootDir>/test/helpers/fewerPropertyRuns.ts"],
  moduleNameMapper: { "^(\\.\\./)+helpers/libreoffice$": "<rootDir>/test/helpers/noLibreOffice.ts" },
};
