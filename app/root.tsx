import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import { type ReactNode, useContext } from "react";
import { UNSAFE_DataRouterStateContext as DataRouterStateContext } from "react-router";
import { pageShell } from "~/server/page-shell.server";
import { Document, PAGE_LINKS, type PageShell, PageLayout, SERVICE_NAME } from "~/ui/layout/PageLayout";
import { useNonce } from "~/ui/nonce";

export const links: LinksFunction = () => PAGE_LINKS;

export async function loader({ request, context }: LoaderFunctionArgs) {
  return json(await pageShell(request, context));
}

export type PageHandle = { title?: string | ((data: unknown) => string) };

/** The page title: the deepest route's handle.title, with "Error: " when the last submission failed. */
function usePageTitle(fallback: string) {
  const matches = useMatches();
  const state = useContext(DataRouterStateContext);
  // A conform reply with status "error", or a page's own `error` message, in the action or the page's loader data.
  const hasError = (d: unknown) => !!d && typeof d === "object" && ((d as { status?: unknown }).status === "error" || !!(d as { error?: unknown }).error);
  const leaf = matches[matches.length - 1];
  const failed = Object.values(state?.actionData ?? {}).some(hasError) || hasError(leaf?.data);
  let title = fallback;
  for (const match of matches) {
    const t = (match.handle as PageHandle | undefined)?.title;
    if (t) title = typeof t === "function" ? t(match.data) : t;
  }
  return `${failed ? "Error: " : ""}${title} – ${SERVICE_NAME}`;
}

/** The document as Remix renders it: its meta and links, and the scripts that make the page an app. */
function RemixDocument({ title, children }: { title: string; children: ReactNode }) {
  const nonce = useNonce();
  const head = (
    <>
      <Meta />
      <Links />
    </>
  );
  const scripts = (
    <>
      <ScrollRestoration nonce={nonce} />
      <Scripts nonce={nonce} />
    </>
  );
  return (
    <Document title={title} head={head} scripts={scripts}>
      {children}
    </Document>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  const title = usePageTitle(SERVICE_NAME);
  const { pathname } = useLocation();
  return (
    <RemixDocument title={title}>
      <PageLayout pathname={pathname} {...data}>
        <Outlet />
      </PageLayout>
    </RemixDocument>
  );
}

const ERROR_PAGES: Record<number, { title: string; body: ReactNode }> = {
  400: { title: "Sorry, there is a problem with your request", body: <p className="govuk-body">Check the address or the form and try again.</p> },
  403: {
    title: "You do not have permission to see this page",
    body: (
      <>
        <p className="govuk-body">You may need to sign in with a different account.</p>
        <p className="govuk-body">
          If you submitted a form, go back, refresh the page and try again.
        </p>
      </>
    ),
  },
  404: {
    title: "Page not found",
    body: (
      <>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      </>
    ),
  },
  429: {
    title: "Too many requests",
    body: <p className="govuk-body">You have made a lot of requests in a short time. Wait a minute and try again.</p>,
  },
  500: {
    title: "Sorry, there is a problem with the service",
    body: (
      <>
        <p className="govuk-body">Try again later.</p>
        <p className="govuk-body">We saved your answers up to the last page you submitted.</p>
      </>
    ),
  },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = ERROR_PAGES[status] ?? (status >= 500 ? ERROR_PAGES[500] : ERROR_PAGES[400]);
  const data = useRouteLoaderDataSafe();
  const { pathname } = useLocation();
  return (
    <RemixDocument title={`${page.title} – ${SERVICE_NAME}`}>
      <PageLayout pathname={pathname} csrfToken={data?.csrfToken ?? ""} user={data?.user ?? null} nav={data?.nav ?? []} devMailbox={data?.devMailbox ?? false}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{page.title}</h1>
            {page.body}
            <p className="govuk-body">
              <Link className="govuk-link" to="/">
                Go to the start page
              </Link>
            </p>
          </div>
        </div>
      </PageLayout>
    </RemixDocument>
  );
}


/** The root loader's data when it ran (an error page may render without it). */
function useRouteLoaderDataSafe(): Partial<PageShell> | null {
  const state = useContext(DataRouterStateContext);
  return (state?.loaderData?.root ?? null) as Partial<PageShell> | null;
}
