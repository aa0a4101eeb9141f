// ESLint: typescript-eslint's strict set; formatting is Prettier's job.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "dist-web/",
      "coverage/",
      "reports/",
      "demo-utdata/",
      ".bench/",
      ".stryker-tmp/",
      "bin/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        Buffer: "readonly",
      },
    },
    rules: {
      // `const { file: _file, ...rest } = x` is how a property is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    // Build and tool configuration files are CommonJS scripts run by Node: require is their import.
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // In tests a `!` states what the test expects to be there; if it is not, the test fails at
    // that line, which is the point. Product code (src/) must narrow or throw a clear error instead.
    files: ["test/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
