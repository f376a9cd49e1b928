import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    // `#db/*` and `#emails/*` resolve through package.json "imports", which vite supports natively.
    alias: [{ find: /^~\//, replacement: `${path.join(root, "app")}/` }],
  },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}", "tests/fuzz/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    // Each integration file starts its own database; PGlite start-up is CPU-bound but overlaps with scrypt and I/O.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { TZ: "Europe/London", NODE_ENV: "test" },
    setupFiles: ["tests/setup/env.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
