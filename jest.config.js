/**
 * Tests run TypeScript through ts-jest in transpile-only mode (fast); type errors are caught
 * by `npm run typecheck`. No native transpiler (swc, esbuild): their per-platform binaries are
 * not all on the registry mirror CI installs from, and `npm ci` then refuses the lockfile.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  testTimeout: 60000,
};
