import { createServer } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { CSRF_COOKIE } from "../app/server/csrf.server";
import { isDatabaseUnavailable } from "../app/server/db.server";
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

/** The HTTP app: security headers with a CSP nonce, the CSRF cookie, static files (public/build and public/assets), then Remix. */
export function createApp({ build, production, baseUrl, https }: Options) {
  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  app.use((req, res, next) => {
    // Our addresses are printable ASCII once decoded; anything else (a NUL, a control or non-Latin-1 character) can
    // only be hostile, and would otherwise reach the routes' ids and redirect headers.
    if (!printableAddress(req.path)) {
      res.status(404).type("text/plain").send("Page not found");
      return;
    }
    const nonce = randomToken(16, "base64");
    res.locals.nonce = nonce;
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
    if (!["GET", "HEAD", "OPTIONS"].includes(req.method) && !req.path.startsWith("/api/")) {
      const origin = req.headers.origin;
      if (origin && !sameOrigin(origin, req.headers.host, baseUrl)) {
        res.status(403).type("text/plain").send("Cross-site form submissions are not allowed.");
        return;
      }
    }

    let csrf = readCookie(req.headers.cookie, CSRF_COOKIE);
    if (!csrf || !/^[A-Za-z0-9_-]{43}$/.test(csrf)) {
      csrf = randomToken(32, "base64url");
      res.cookie(CSRF_COOKIE, csrf, { httpOnly: true, sameSite: "lax", secure: https, path: "/" });
    }
    res.locals.csrfToken = csrf;
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

/** The HTTP server: the public JSON APIs answered directly (decision 030), everything else by the app. */
export function createHttpServer(app: express.Express, https: boolean) {
  return createServer((req, res) => {
    if (!answerPublicApi(req, res, https)) app(req, res);
  });
}
