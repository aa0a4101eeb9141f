/**
 * The layers (README, "Kod"): core is pure; the adapters (workbook, excel, cli, taskpane) point
 * into core and do not reach into each other, apart from the few seams named below.
 * Run by `npm run deps` (part of `npm test`).
 */
const ADAPTERS = ["workbook", "excel", "cli", "taskpane", "bench"];
const io = "^(node:|fs$|path$|os$|child_process$|worker_threads$|stream$|crypto$)";

module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "src/core has no I/O, no Office, no React and no spreadsheet library, and imports no adapter.",
      severity: "error",
      from: { path: "^src/core/" },
      to: {
        path: [
          `^src/(${ADAPTERS.join("|")})/`,
          "exceljs",
          "xlsx",
          "react",
          "@fluentui",
          "office-js",
          "commander",
          "fflate",
          io,
        ],
      },
    },
    {
      name: "core-without-node-builtins",
      severity: "error",
      from: { path: "^src/core/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "workbook-not-into-front-ends",
      comment:
        "The file layer serves the CLI and the task pane; it imports neither (nor the Office adapter).",
      severity: "error",
      from: { path: "^src/workbook/" },
      to: { path: "^src/(cli|taskpane|excel|bench)/" },
    },
    {
      name: "excel-only-the-host-interface",
      comment:
        "The Office adapter implements the task pane's host interface (taskpane/host.ts) and nothing else of it.",
      severity: "error",
      from: { path: "^src/excel/" },
      to: { path: "^src/(cli|bench)/|^src/taskpane/(?!host\\.ts$)" },
    },
    {
      name: "cli-not-into-the-pane",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: "^src/(taskpane|excel)/" },
    },
    {
      name: "taskpane-not-into-the-cli",
      severity: "error",
      from: { path: "^src/taskpane/" },
      to: { path: "^src/(cli|bench)/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: false,
  },
};
