/**
 * The tests Stryker runs against each mutant of src/core and the level-2 writer: the whole
 * suite except the slow ones that cannot see those files any better. The browser test (a
 * Chromium per run) and the task pane's rendering are left out, and LibreOffice is reported
 * as absent (test/helpers/noLibreOffice.ts), so its conversions skip themselves.
 * test/core/messages.test.ts scans the source files for problem codes; in the sandbox they are
 * instrumented and the scan finds none, so it is left out here (test/core/problemText.test.ts
 * covers the message texts for mutation runs).
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/taskpane/browser\\.test\\.ts$", "<rootDir>/test/taskpane/render\\.test\\.tsx$", "<rootDir>/test/core/messages\\.test\\.ts$"],
  moduleNameMapper: { "^(\\.\\./)+helpers/libreoffice$": "<rootDir>/test/helpers/noLibreOffice.ts" },
};
