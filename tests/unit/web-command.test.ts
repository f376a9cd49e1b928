import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startCommand } from "../../scripts/web-command";

describe("the web process's command", () => {
  it("is the same in npm start as in the benchmarks and fault tests", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe(startCommand());
  });
});
