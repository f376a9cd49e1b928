import { DrizzleQueryError } from "drizzle-orm/errors";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "~/server/db.server";
import { pageLinks, SERVICE_UNAVAILABLE_TITLE, serviceUnavailableHeaders, serviceUnavailableHtml } from "~/ui/ServiceUnavailable";

const withCode = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("is true for a server that refuses the connection (a real postgres.js error)", async () => {
    const sql = postgres("postgres://postgres@127.0.0.1:1/none", { max: 1, connect_timeout: 2, backoff: () => 0, onnotice: () => {} });
    const error = await sql`select 1`.then(
      () => null,
      (e: unknown) => e,
    );
    await sql.end({ timeout: 1 });
    expect(error).toMatchObject({ code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "CONNECTION_CLOSED",
    "CONNECTION_ENDED",
    "CONNECTION_DESTROYED",
    "CONNECT_TIMEOUT",
    "57P01", // admin_shutdown: the server is stopping
    "57P02", // crash_shutdown
    "57P03", // cannot_connect_now: starting up
    "08006", // connection_failure
    "08001", // unable to establish
    "53300", // too_many_connections
  ])("is true for %s", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it("looks inside drizzle's query error and an AggregateError", () => {
    expect(isDatabaseUnavailable(new DrizzleQueryError("select 1", [], withCode("CONNECTION_CLOSED")))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([new Error("x"), withCode("ECONNREFUSED")]))).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: new Error("middle", { cause: withCode("57P01") }) }))).toBe(true);
  });

  it("is false for errors that are not an outage", () => {
    for (const code of ["23505", "42601", "22P02", "40001", "57014", "ENOENT"]) expect(isDatabaseUnavailable(withCode(code))).toBe(false);
    expect(isDatabaseUnavailable(new DrizzleQueryError("insert", [], withCode("23505")))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Unknown email template"))).toBe(false);
    expect(isDatabaseUnavailable(new Response("Not found", { status: 404 }))).toBe(false);
    for (const value of [null, undefined, "ECONNREFUSED", 503]) expect(isDatabaseUnavailable(value)).toBe(false);
  });

  it("stops on a cycle of causes", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("the service unavailable page", () => {
  const links = pageLinks([
    { rel: "stylesheet", href: "/build/_assets/govuk-frontend.min-X.css" },
    { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
    { page: "/not-a-link" },
    null,
  ]);

  it("keeps the root route's links that have an address", () => {
    expect(links).toEqual([
      { rel: "stylesheet", href: "/build/_assets/govuk-frontend.min-X.css" },
      { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
    ]);
    expect(pageLinks(undefined)).toEqual([]);
  });

  it("is a whole GOV.UK page with the pattern's title, the stylesheets and no scripts", () => {
    const html = serviceUnavailableHtml(links);
    expect(html.startsWith("<!DOCTYPE html><html lang=\"en\"")).toBe(true);
    expect(html).toContain(`<title>${SERVICE_UNAVAILABLE_TITLE} – Child licensing</title>`);
    expect(html).toContain(`<h1 class="govuk-heading-l">${SERVICE_UNAVAILABLE_TITLE}</h1>`);
    expect(html).toContain('<link rel="stylesheet" href="/build/_assets/govuk-frontend.min-X.css"/>');
    expect(html).toContain('<main class="govuk-main-wrapper" id="main-content">');
    expect(html).not.toContain("<script");
  });

  it("asks clients to try again later and not to cache the answer", () => {
    expect(serviceUnavailableHeaders("text/html")).toEqual({ "Content-Type": "text/html", "Retry-After": "30", "Cache-Control": "no-store" });
  });
});
