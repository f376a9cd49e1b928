import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import proxyaddr from "proxy-addr";
import { CSRF_COOKIE } from "../app/server/csrf.server";
import { isDatabaseUnavailable } from "../app/server/db.server";
import type { DirectPage } from "../app/server/direct-page.server";
import { answerPublicApi } from "../app/server/public-api.server";
import { randomToken } from "../app/server/random-pool.server";
import { pageLinks, serviceUnavailableHeaders, serviceUnavailableHtml } from "../app/ui/ServiceUnavailable";

type Options = { build: ServerBuild | (() => Promise<ServerBuild>); production: boolean; baseUrl: string; https: boolean };

function readCookie(header: string | undefined, name: string) {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

function sameOrigin(origin: string, host: string | undefined, baseUrl: string) {
  try {
    const url = new URL(origin);
    return url.origin === new URL(baseUrl).origin || url.host === host;
  } catch {
    return false;
  }
}

/** True when the decoded path holds only printable ASCII (and decodes at all). */
export function printableAddress(rawPath: string) {
  try {
    return /^[\x20-\x7E]*$/.test(decodeURIComponent(rawPath));
  } catch {
    return false;
  }
}

type RouteFunction = (args: { request: Request }) => unknown;

/**
 * Pages answer a database outage in app/entry.server.tsx; resource routes (downloads, JSON, sign-out) have no page
 * to swap there, so here their loaders and actions turn an outage into a thrown 503: the service unavailable page for
 * a browser, one line of text for anything else (docs/decisions/027).
 */
function withOutageAnswers(build: ServerBuild): ServerBuild {
  const links = pageLinks(build.routes.root?.module.links?.());
  const guard = (fn: RouteFunction | undefined, kind: string) =>
    fn &&
    (async (args: { request: Request }) => {
      try {
        return await fn(args);
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        const { request } = args;
        console.error(`[db] unavailable: ${request.method} ${new URL(request.url).pathname} (${kind}) answered 503`);
        const html = (request.headers.get("Accept") ?? "").includes("text/html");
        throw new Response(html ? serviceUnavailableHtml(links) : "Sorry, the service is unavailable. Try again later.\n", {
          status: 503,
          headers: serviceUnavailableHeaders(html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8"),
        });
      }
    });
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const m = route?.module;
      if (!route || !m || m.default != null || m.ErrorBoundary != null) return [id, route];
      const module = { ...m, loader: guard(m.loader as RouteFunction | undefined, "loader"), action: guard(m.action as RouteFunction | undefined, "action") };
      return [id, { ...route, module }];
    }),
  ) as ServerBuild["routes"];
  return { ...build, routes };
}

type Security = Pick<Options, "production" | "baseUrl" | "https">;

/**
 * What every answer but the public APIs starts with: security headers with a fresh CSP nonce, a 404 for a
 * non-printable address, a 403 for a cross-site form, and the visitor's form token (set as a cookie when new).
 * Null when it answered the request itself.
 */
function secureResponse(req: IncomingMessage, res: ServerResponse, { production, baseUrl, https }: Security) {
  const pathname = (req.url ?? "/").split("?")[0];
  // Our addresses are printable ASCII once decoded; anything else (a NUL, a control or non-Latin-1 character) can
  // only be hostile, and would otherwise reach the routes' ids and redirect headers.
  if (!printableAddress(pathname)) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Page not found");
    return null;
  }
  const nonce = randomToken(16, "base64");
  const devSockets = production ? "" : " ws://localhost:* ws://127.0.0.1:*";
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${devSockets}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");

  // Defence in depth before the form token: a browser's cross-site POST carries a foreign Origin.
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method ?? "") && !pathname.startsWith("/api/")) {
    const origin = req.headers.origin;
    if (origin && !sameOrigin(origin, req.headers.host, baseUrl)) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("Cross-site form submissions are not allowed.");
      return null;
    }
  }

  let csrfToken = readCookie(req.headers.cookie, CSRF_COOKIE);
  if (!csrfToken || !/^[A-Za-z0-9_-]{43}$/.test(csrfToken)) {
    csrfToken = randomToken(32, "base64url");
    res.appendHeader("Set-Cookie", `${CSRF_COOKIE}=${csrfToken}; Path=/; HttpOnly;${https ? " Secure;" : ""} SameSite=Lax`);
  }
  return { nonce, csrfToken };
}

/** The HTTP app: security headers with a CSP nonce, the CSRF cookie, static files (public/build and public/assets), then Remix. */
export function createApp({ build, production, baseUrl, https }: Options) {
  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  app.use((req, res, next) => {
    const locals = secureResponse(req, res, { production, baseUrl, https });
    if (!locals) return;
    res.locals.nonce = locals.nonce;
    res.locals.csrfToken = locals.csrfToken;
    next();
  });

  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  app.use("/assets", express.static(path.resolve("public/assets"), { maxAge: "1d" }));

  app.all(
    "*",
    createRequestHandler({
      build: typeof build === "function" ? async () => withOutageAnswers(await build()) : withOutageAnswers(build),
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.nonce,
        csrfToken: res.locals.csrfToken,
        ip: req.ip ?? req.socket.remoteAddress ?? null,
        baseUrl,
      }),
    }),
  );
  return app;
}

type Answerer = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The pages answered in front of Express and Remix (decision 034): a route exporting `direct` (see
 * app/server/direct-page.server.tsx), for a GET of exactly its address (no query string, so never Remix's own
 * `?_data` requests). It gets the same security headers, form token and context as every page; when it leaves a
 * request to Remix, what it set is cleared and the app answers from the start.
 */
export function directPages(app: express.Express, { build, ...security }: Options): Answerer {
  if (typeof build === "function") return () => false; // development: every page through Remix, rebuilt on change
  const pages = new Map<string, DirectPage>();
  for (const route of Object.values(build.routes)) {
    const direct = (route?.module as { direct?: DirectPage } | undefined)?.direct;
    if (!route || typeof direct !== "function") continue;
    const segments: string[] = [];
    for (let r: typeof route | undefined = route; r; r = r.parentId ? build.routes[r.parentId] : undefined) if (r.path) segments.unshift(r.path);
    const address = `/${segments.join("/")}`;
    if (/[:*]/.test(address)) throw new Error(`${route.id} exports direct but has no fixed address`);
    pages.set(address, direct);
  }
  const answer = async (page: DirectPage, req: IncomingMessage, res: ServerResponse) => {
    const locals = secureResponse(req, res, security);
    if (!locals) return;
    try {
      // A direct page reads only the request's address and cookies.
      const request = new Request(new URL(req.url ?? "/", security.baseUrl), { headers: { Cookie: req.headers.cookie ?? "" } });
      const ip = proxyaddr(req, app.get("trust proxy fn"));
      const answered = await page(request, { cspNonce: locals.nonce, csrfToken: locals.csrfToken, ip, baseUrl: security.baseUrl });
      if (answered) {
        for (const [name, value] of Object.entries(answered.headers)) {
          if (name.toLowerCase() === "set-cookie") res.appendHeader(name, value);
          else res.setHeader(name, value);
        }
        res.statusCode = answered.status;
        res.end(answered.body); // one write, with its Content-Length
        return;
      }
    } catch (error) {
      console.error(error);
    }
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    app(req, res);
  };
  return (req, res) => {
    const page = req.method === "GET" && req.url ? pages.get(req.url) : undefined;
    if (page) void answer(page, req, res);
    return !!page;
  };
}

/** The HTTP server: the public JSON APIs (decision 030) and direct pages (decision 034) answered in front of the app, everything else by it. */
export function createHttpServer(app: express.Express, https: boolean, direct: Answerer = () => false) {
  return createServer((req, res) => {
    if (!answerPublicApi(req, res, https) && !direct(req, res)) app(req, res);
  });
}
