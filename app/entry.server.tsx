import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { isDatabaseUnavailable } from "./server/db.server";
import { NonceContext } from "./ui/nonce";
import { pageLinks, serviceUnavailableHeaders, serviceUnavailableHtml } from "./ui/ServiceUnavailable";

/**
 * Requests that failed because the database is unreachable, marked by handleError (which sees the raw error before
 * Remix hides it) and answered 503 by handleRequest and handleDataRequest (docs/decisions/027).
 */
const databaseDown = new WeakSet<AppLoadContext>();

/**
 * Pages are rendered whole, to a string: none waits on data (no `defer`, no Suspense), so streaming would send the
 * same bytes in many small writes through two stream conversions, and hold each render for an abort timer
 * (docs/decisions/032). A render that throws goes back to Remix, which renders the error page instead.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (databaseDown.has(loadContext) && responseStatusCode >= 500) {
    const links = pageLinks(remixContext.routeModules.root?.links?.());
    return new Response(serviceUnavailableHtml(links), { status: 503, headers: serviceUnavailableHeaders("text/html; charset=utf-8") });
  }
  const html = renderToString(
    <NonceContext.Provider value={loadContext.cspNonce}>
      <RemixServer context={remixContext} url={request.url} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

/**
 * A client-side navigation or form (a `?_data` request) while the database is down: 503, telling Remix's client to
 * load the address as a whole page, which is then the service unavailable page (or the real one if it is back).
 */
export function handleDataRequest(response: Response, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (!databaseDown.has(context) || response.status < 500) return response;
  const url = new URL(request.url);
  url.searchParams.delete("_data");
  url.searchParams.delete("index");
  return new Response("Sorry, the service is unavailable. Try again later.", {
    status: 503,
    headers: {
      ...serviceUnavailableHeaders("text/plain; charset=utf-8"),
      "X-Remix-Response": "yes",
      "X-Remix-Redirect": `${url.pathname}${url.search}`,
      "X-Remix-Reload-Document": "yes",
    },
  });
}

/** Never leak stack traces: log server errors, aborted requests aside; a database outage is one line, not a stack. */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isDatabaseUnavailable(error)) {
    databaseDown.add(context);
    console.error(`[db] unavailable: ${request.method} ${new URL(request.url).pathname} answered 503 (${describe(error)})`);
    return;
  }
  console.error(error);
}

function describe(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (e?.cause && !e.code) return describe(e.cause);
  return [e?.code, e?.message].filter(Boolean).join(" ").slice(0, 200);
}
