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
import govukCss from "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import { type ReactNode, useContext } from "react";
import { UNSAFE_DataRouterStateContext as DataRouterStateContext } from "react-router";
import { can } from "~/domain/identity/capabilities";
import { getCurrent } from "~/server/auth.server";
import { mailboxEnabled } from "~/server/env.server";
import { CsrfInput } from "~/ui/govuk/form";
import { useNonce } from "~/ui/nonce";
import appCss from "~/ui/app.css";

export const SERVICE_NAME = "Child licensing";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: govukCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/assets/images/favicon.svg", sizes: "any", type: "image/svg+xml" },
  { rel: "manifest", href: "/assets/manifest.json" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const current = await getCurrent(request, context);
  const actor = current?.actor;
  const nav: { to: string; label: string }[] = [];
  if (actor) {
    if (can(actor, "officer:use")) nav.push({ to: "/officer", label: "Licensing" });
    if (can(actor, "lado:use")) nav.push({ to: "/lado", label: "LADO referrals" });
    if (can(actor, "admin:use")) nav.push({ to: "/admin", label: "Administration" });
    if (can(actor, "chaperone:use")) nav.push({ to: "/chaperone", label: "Chaperone approval" });
    if (can(actor, "employer:use")) nav.push({ to: "/employer", label: "Employment permits" });
    if (can(actor, "school:use")) nav.push({ to: "/school", label: "Your school" });
    nav.push({ to: "/account", label: "Your account" });
  }
  return json({
    csrfToken: context.csrfToken,
    user: actor ? { name: actor.name } : null,
    nav,
    devMailbox: mailboxEnabled(),
  });
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

function Document({ title, children }: { title: string; children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <title>{title}</title>
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header({ user, nav }: { user: { name: string } | null; nav: { to: string; label: string }[] }) {
  const location = useLocation();
  return (
    <>
      <header className="govuk-generic-header app-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              Council services
            </Link>
          </div>
        </div>
      </header>
      <section aria-label="Service information" className="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">
                {SERVICE_NAME}
              </Link>
            </span>
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {nav.map((item) => {
                  const active = location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);
                  return (
                    <li key={item.to} className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}>
                      <Link className="govuk-service-navigation__link" to={item.to} aria-current={active ? "page" : undefined}>
                        {active ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
                      </Link>
                    </li>
                  );
                })}
                {user ? (
                  <li className="govuk-service-navigation__item">
                    <form method="post" action="/sign-out" className="app-sign-out">
                      <CsrfInput />
                      <button type="submit" className="govuk-service-navigation__link app-link-button">
                        Sign out<span className="govuk-visually-hidden"> ({user.name})</span>
                      </button>
                    </form>
                  </li>
                ) : (
                  <li className="govuk-service-navigation__item">
                    <Link className="govuk-service-navigation__link" to="/sign-in">
                      Sign in
                    </Link>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </div>
      </section>
      {user ? (
        <div className="govuk-width-container">
          <p className="govuk-body-s app-signed-in">
            Signed in as <strong>{user.name}</strong>
          </p>
        </div>
      ) : null}
    </>
  );
}

function Footer({ devMailbox }: { devMailbox: boolean }) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/report-a-concern">
                  Report a concern about an adult
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/service-performance">
                  Service performance
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/accessibility">
                  Accessibility statement
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/cookies">
                  Cookies
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/privacy">
                  Privacy notice
                </Link>
              </li>
              {devMailbox ? (
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/dev/mailbox">
                    Development mailbox
                  </Link>
                </li>
              ) : null}
            </ul>
            <span className="govuk-footer__licence-description">A service run by local councils in England for children in entertainment and employment.</span>
          </div>
        </div>
      </div>
    </footer>
  );
}

function PhaseBanner() {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Alpha</strong>
        <span className="govuk-phase-banner__text">This is a new service. Help us improve it by telling your council what you think.</span>
      </p>
    </div>
  );
}

function PageLayout({ children, user, nav, devMailbox }: { children: ReactNode; user: { name: string } | null; nav: { to: string; label: string }[]; devMailbox: boolean }) {
  return (
    <>
      <Header user={user} nav={nav} />
      <div className="govuk-width-container">
        <PhaseBanner />
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <Footer devMailbox={devMailbox} />
    </>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  const title = usePageTitle(SERVICE_NAME);
  return (
    <Document title={title}>
      <PageLayout user={data.user} nav={data.nav} devMailbox={data.devMailbox}>
        <Outlet />
      </PageLayout>
    </Document>
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
  return (
    <Document title={`${page.title} – ${SERVICE_NAME}`}>
      <PageLayout user={data?.user ?? null} nav={data?.nav ?? []} devMailbox={data?.devMailbox ?? false}>
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
    </Document>
  );
}

type RootData = { user: { name: string } | null; nav: { to: string; label: string }[]; devMailbox: boolean };

/** The root loader's data when it ran (an error page may render without it). */
function useRouteLoaderDataSafe(): Partial<RootData> | null {
  const state = useContext(DataRouterStateContext);
  return (state?.loaderData?.root ?? null) as Partial<RootData> | null;
}
