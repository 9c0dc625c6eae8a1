// Lint: the recommended JavaScript rules and typescript-eslint's type-aware recommended rules
// (recommendedTypeChecked, with the types of tsconfig.json through the project service).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", ".cache/", "coverage/", ".*.building-*/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { console: "readonly", process: "readonly", performance: "readonly", document: "readonly", window: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  // vitest's asymmetric matchers (expect.any, expect.stringContaining, …) are typed `any`.
  { files: ["test/**"], rules: { "@typescript-eslint/no-unsafe-assignment": "off" } },
  // The browser scripts and the config files are JavaScript outside tsconfig.json: no types to check them against.
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
);
