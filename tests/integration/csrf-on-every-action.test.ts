import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve(__dirname, "../../app/routes");
const TOKEN = "t".repeat(43);
const context = { csrfToken: TOKEN, cspNonce: "n", ip: "127.0.0.1", baseUrl: "http://localhost" };

function post(body: Record<string, string>) {
  return new Request("http://localhost/anything", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body),
  });
}

async function statusOf(promise: Promise<unknown>) {
  try {
    const result = await promise;
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

// JSON APIs under /api/ take no cookies, so they are exempt (docs/decisions/003).
const files = readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f) && !f.startsWith("api."));

describe("every route action rejects a POST without the CSRF token", async () => {
  const withActions: [string, (args: unknown) => Promise<unknown>][] = [];
  for (const file of files) {
    const mod = await import(path.join(ROUTES, file));
    if (typeof mod.action === "function") withActions.push([file, mod.action]);
  }

  it("finds the forms", () => {
    expect(withActions.map(([f]) => f)).toEqual(expect.arrayContaining(["register.tsx", "sign-in.tsx", "sign-out.tsx", "admin.staff.invite.tsx"]));
  });

  it.each(withActions)("%s: missing token → 403", async (_file, action) => {
    expect(await statusOf(action({ request: post({ name: "x" }), context, params: { token: "x", organisationId: "x" } }))).toBe(403);
  });

  it.each(withActions)("%s: wrong token → 403", async (_file, action) => {
    expect(await statusOf(action({ request: post({ csrf: "u".repeat(43) }), context, params: { token: "x", organisationId: "x" } }))).toBe(403);
  });

  it("a matching token gets past the check (the form is then validated)", async () => {
    const register = withActions.find(([f]) => f === "register.tsx")![1];
    expect(await statusOf(register({ request: post({ csrf: TOKEN }), context, params: {} }))).toBe(400);
  });
});
