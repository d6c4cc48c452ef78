import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a downloaded browser build (docs/testing.md).
const executablePath = process.env.ARMDECK_CHROMIUM ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e/browser",
  globalSetup: "./e2e/browser/globalSetup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    headless: true,
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath,
      args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
