import { defineConfig } from "vitest/config";

// Unit tests live beside the code (lib/**/*.test.ts); integration tests that need real
// sshd hosts, a real SQLite file or a running server live in e2e/integration/.
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["lib/**/*.test.ts", "standin/**/*.test.ts", "components/**/*.test.ts", "workers/**/*.test.ts", "e2e/harness/**/*.test.ts", "e2e/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration files start their own sshd hosts and servers; running them one at a time keeps
    // a 2-core CI machine from timing out handshakes.
    fileParallelism: false,
  },
});
