/** Tests run TypeScript through swc (fast); type errors are caught by `npm run typecheck`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest"] },
  testTimeout: 60000,
};
