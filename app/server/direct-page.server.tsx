import type { AppLoadContext } from "@remix-run/node";
import type { ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CsrfToken } from "~/ui/govuk/form";
import { WholePageLinks } from "~/ui/govuk/link";
import { Document, PAGE_LINKS, PageLayout, type PageShell, SERVICE_NAME } from "~/ui/layout/PageLayout";
import { pageShell } from "./page-shell.server";

export type DirectAnswer = { status: number; headers: Record<string, string | string[]>; body: string };

/** A page the HTTP server answers without Remix, or null to leave the request to Remix (scripts/http.ts). */
export type DirectPage = (request: Request, context: AppLoadContext) => Promise<DirectAnswer | null>;

const links = PAGE_LINKS.map((l) => <link key={l.href} {...l} />);

const TITLE = "@@direct-page-title@@";
const MAIN = "@@direct-page-main@@";
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * The shell around a page, as the HTML before the title, between the title and the page, and after the page. For a
 * visitor who is not signed in it holds no name, menu or form token, so it is the same for everyone at an address and
 * is rendered once.
 */
const publicShells = new Map<string, [string, string, string]>();
function shellAround(shell: PageShell, pathname: string): [string, string, string] {
  const key = shell.user ? null : `${pathname} ${shell.devMailbox}`;
  const known = key && publicShells.get(key);
  if (known) return known;
  const html = renderToStaticMarkup(
    <WholePageLinks.Provider value={true}>
      <Document title={TITLE} head={links}>
        <PageLayout pathname={pathname} {...shell}>
          {MAIN}
        </PageLayout>
      </Document>
    </WholePageLinks.Provider>,
  );
  const [beforeTitle, rest] = html.split(TITLE);
  const [beforeMain, afterMain] = rest.split(MAIN);
  const parts: [string, string, string] = [`<!DOCTYPE html>${beforeTitle}`, beforeMain, afterMain];
  if (key) publicShells.set(key, parts);
  return parts;
}

/**
 * A page answered in front of Remix (decision 034): the route's own data function and page component inside the
 * shell every page shares, rendered to a string, without Remix's scripts (the page then works as it does with
 * JavaScript off). Call it from the route's `direct` export, never at a module's top level: the browser's copy of a
 * route has no server modules. A redirect the data function throws is answered as Remix would; anything else it throws (a bug,
 * the database down) leaves the request to Remix, which answers with its error or service unavailable page.
 */
export async function answerDirectly<T extends object>(
  request: Request,
  context: AppLoadContext,
  { data, title, Page }: { data: (request: Request) => Promise<T>; title: (data: T) => string; Page: ComponentType<T> },
): Promise<DirectAnswer | null> {
  let pageData: T;
  let shell: PageShell;
  try {
    [pageData, shell] = await Promise.all([data(request), pageShell(request, context)]);
  } catch (thrown) {
    if (!(thrown instanceof Response && thrown.status >= 300 && thrown.status < 400)) return null;
    const headers: DirectAnswer["headers"] = { Location: thrown.headers.get("Location") ?? "/" };
    const cookies = thrown.headers.getSetCookie();
    if (cookies.length) headers["Set-Cookie"] = cookies;
    return { status: thrown.status, headers, body: "" };
  }
  const [beforeTitle, beforeMain, afterMain] = shellAround(shell, new URL(request.url).pathname);
  const main = renderToStaticMarkup(
    <WholePageLinks.Provider value={true}>
      <CsrfToken.Provider value={shell.csrfToken}>
        <Page {...pageData} />
      </CsrfToken.Provider>
    </WholePageLinks.Provider>,
  );
  const body = `${beforeTitle}${escapeHtml(`${title(pageData)} – ${SERVICE_NAME}`)}${beforeMain}${main}${afterMain}`;
  return { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body };
}
