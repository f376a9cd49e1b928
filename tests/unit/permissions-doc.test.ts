import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { permissionsMarkdown } from "../../scripts/permissions-doc";

it("docs/permissions.md matches the capabilities table (run npm run docs:permissions)", () => {
  expect(readFileSync("docs/permissions.md", "utf8")).toBe(permissionsMarkdown());
});
