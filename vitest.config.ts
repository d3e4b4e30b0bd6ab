import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/summary-reporter.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
