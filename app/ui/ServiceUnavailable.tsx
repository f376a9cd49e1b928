/**
 * The page shown while the database can't be reached (GOV.UK "service unavailable" pattern). It is static HTML:
 * no database, no session, no personal data and no scripts, so it renders whatever else is down. Used by
 * app/entry.server.tsx (pages) and scripts/http.ts (downloads and other resource routes).
 */
import { renderToStaticMarkup } from "react-dom/server";

export const SERVICE_UNAVAILABLE_TITLE = "Sorry, the service is unavailable";
/** Seconds a client should wait before trying again (the `Retry-After` header). */
const RETRY_AFTER_SECONDS = 30;
/** Same as SERVICE_NAME in app/ui/layout/PageLayout.tsx (not imported: this file must load outside the Remix build). */
const SERVICE_NAME = "Child licensing";

export type PageLink = { rel: string; href: string; sizes?: string; type?: string };

/** The root route's links (GOV.UK and service stylesheets, icons), keeping only those with an address. */
export function pageLinks(links: unknown): PageLink[] {
  if (!Array.isArray(links)) return [];
  return links.filter((l): l is PageLink => !!l && typeof l === "object" && typeof l.rel === "string" && typeof l.href === "string");
}

function ServiceUnavailablePage({ links }: { links: PageLink[] }) {
  return (
    <html lang="en" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <meta name="robots" content="noindex" />
        <title>{`${SERVICE_UNAVAILABLE_TITLE} – ${SERVICE_NAME}`}</title>
        {links.map((l) => (
          <link key={`${l.rel} ${l.href}`} rel={l.rel} href={l.href} sizes={l.sizes} type={l.type} />
        ))}
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link">
          Skip to main content
        </a>
        <header className="govuk-generic-header app-header">
          <div className="govuk-generic-header__container govuk-width-container">
            <div className="govuk-generic-header__logo">
              <a href="/" className="govuk-generic-header__homepage-link">
                Council services
              </a>
            </div>
          </div>
        </header>
        <section aria-label="Service information" className="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <span className="govuk-service-navigation__service-name">
                <a href="/" className="govuk-service-navigation__link">
                  {SERVICE_NAME}
                </a>
              </span>
            </div>
          </div>
        </section>
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <h1 className="govuk-heading-l">{SERVICE_UNAVAILABLE_TITLE}</h1>
                <p className="govuk-body">Try again in a few minutes.</p>
                <p className="govuk-body">
                  We saved your answers up to the last page you submitted. You will not need to start again.
                </p>
                <p className="govuk-body">If a child is in immediate danger, call 999.</p>
              </div>
            </div>
          </main>
        </div>
        <footer className="govuk-footer">
          <div className="govuk-width-container">
            <div className="govuk-footer__meta">
              <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <span className="govuk-footer__licence-description">
                  A service run by local councils in England for children in entertainment and employment.
                </span>
              </div>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The whole document, ready to send with status 503. */
export function serviceUnavailableHtml(links: PageLink[]) {
  return `<!DOCTYPE html>${renderToStaticMarkup(<ServiceUnavailablePage links={links} />)}`;
}

/** Headers for every 503 answer: try again later, and never cache it. */
export function serviceUnavailableHeaders(contentType: string) {
  return { "Content-Type": contentType, "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
}
