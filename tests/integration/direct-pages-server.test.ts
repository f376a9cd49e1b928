import type { AddressInfo } from "node:net";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DirectAnswer } from "~/server/direct-page.server";
import { createHttpServer, directPages } from "../../scripts/http";

/** What the direct page was given, and what it answers next. */
const seen: { url: string; cookie: string | null; context: AppLoadContext }[] = [];
let next: DirectAnswer | null = null;

const route = (id: string, path: string | undefined, parentId: string | undefined, module: object) => ({ id, path, parentId, module });
const build = {
  routes: {
    root: route("root", "", undefined, {}),
    "routes/section": route("routes/section", "section", "root", {}),
    "routes/section.page": route("routes/section.page", "page", "routes/section", {
      async direct(request: Request, context: AppLoadContext) {
        seen.push({ url: request.url, cookie: request.headers.get("Cookie"), context });
        return next;
      },
    }),
  },
} as unknown as ServerBuild;

describe("pages answered in front of Express and Remix (decision 034)", () => {
  const options = { build, production: true, baseUrl: "https://licensing.example", https: true };
  // The app behind answers 418, so a hand-over can be told apart.
  const stub = express();
  stub.all("*", (_req, res) => void res.status(418).send("the app"));
  const server = createHttpServer(stub, true, directPages(stub, options));
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers a GET of the route's full address with the page's answer and every page's security headers", async () => {
    next = { status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Set-Cookie": ["page=1; Path=/"] }, body: "<!DOCTYPE html><p>direct</p>" };
    const response = await fetch(`${base}/section/page`, { headers: { Cookie: "clp_checker=abc" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<!DOCTYPE html><p>direct</p>");
    expect(response.headers.get("content-length")).toBe("28");
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
    // a new visitor's form token, and the page's own cookie, both set
    const cookies = response.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^clp_csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookies[1]).toBe("page=1; Path=/");
    const call = seen.at(-1)!;
    expect(call.url).toBe("https://licensing.example/section/page");
    expect(call.cookie).toBe("clp_checker=abc");
    expect(call.context).toMatchObject({ csrfToken: cookies[0].slice(9, 52), baseUrl: "https://licensing.example", ip: "127.0.0.1" });

    // a returning visitor keeps their token
    const token = "k".repeat(43);
    await fetch(`${base}/section/page`, { headers: { Cookie: `clp_csrf=${token}` } });
    expect(seen.at(-1)!.context.csrfToken).toBe(token);
  });

  it("leaves other methods, addresses and query strings to the app, and never calls the page for them", async () => {
    next = { status: 200, headers: {}, body: "direct" };
    const before = seen.length;
    expect((await fetch(`${base}/section/page?_data=routes%2Fsection.page`)).status).toBe(418);
    expect((await fetch(`${base}/section/page/`)).status).toBe(418);
    expect((await fetch(`${base}/section`)).status).toBe(418);
    expect((await fetch(`${base}/section/page`, { method: "POST", body: "a=1" })).status).toBe(418);
    expect(seen.length).toBe(before);
  });

  it("hands a request the page leaves (null) to the app, with nothing of its own left set", async () => {
    next = null;
    const response = await fetch(`${base}/section/page`);
    expect(response.status).toBe(418);
    expect(await response.text()).toBe("the app");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("refuses a route with a dynamic address", () => {
    const dynamic = { routes: { root: build.routes.root, "routes/$id": route("routes/$id", ":id", "root", { direct: async () => null }) } } as unknown as ServerBuild;
    expect(() => directPages(stub, { ...options, build: dynamic })).toThrow("routes/$id exports direct but has no fixed address");
  });
});
