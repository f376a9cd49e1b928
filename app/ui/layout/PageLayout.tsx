/**
 * The page shell every page shares: the document, header, phase banner and footer. Rendered by app/root.tsx for
 * pages Remix answers, and by app/server/direct-page.server.tsx for the pages answered without it (decision 034).
 */
import govukCss from "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import type { ReactNode } from "react";
import { CsrfInput, CsrfToken } from "~/ui/govuk/form";
import { Link } from "~/ui/govuk/link";
import appCss from "~/ui/app.css";

export const SERVICE_NAME = "Child licensing";

/** The stylesheets and icons of every page. */
export const PAGE_LINKS = [
  { rel: "stylesheet", href: govukCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/assets/images/favicon.svg", sizes: "any", type: "image/svg+xml" },
  { rel: "manifest", href: "/assets/manifest.json" },
];

/** What the shell needs to know about the request: the form token and who is signed in (app/server/page-shell.server.ts). */
export type PageShell = { csrfToken: string; user: { name: string } | null; nav: { to: string; label: string }[]; devMailbox: boolean };

/** The HTML document: `head` adds to the head (Remix's Meta and Links, or plain links), `scripts` ends the body. */
export function Document({ title, head, scripts, children }: { title: string; head: ReactNode; scripts?: ReactNode; children: ReactNode }) {
  return (
    <html lang="en" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <title>{title}</title>
        {head}
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        {children}
        {scripts}
      </body>
    </html>
  );
}

function Header({ user, nav, pathname }: Pick<PageShell, "user" | "nav"> & { pathname: string }) {
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
                  const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
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

/** Every page's frame: header with the person's menu, phase banner, main content, footer. */
/** `pathname`: the page's address, to mark the menu item the person is in. */
export function PageLayout({ children, pathname, csrfToken, user, nav, devMailbox }: { children: ReactNode; pathname: string } & PageShell) {
  return (
    <CsrfToken.Provider value={csrfToken}>
      <Header user={user} nav={nav} pathname={pathname} />
      <div className="govuk-width-container">
        <PhaseBanner />
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <Footer devMailbox={devMailbox} />
    </CsrfToken.Provider>
  );
}
