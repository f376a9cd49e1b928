import type { AppLoadContext } from "@remix-run/node";
import { can } from "~/domain/identity/capabilities";
import type { PageShell } from "~/ui/layout/PageLayout";
import { getCurrent } from "./auth.server";
import { mailboxEnabled } from "./env.server";

/** What every page's shell shows for this request: the form token, who is signed in and their menu. */
export async function pageShell(request: Request, context: AppLoadContext): Promise<PageShell> {
  const actor = (await getCurrent(request, context))?.actor;
  const nav: PageShell["nav"] = [];
  if (actor) {
    if (can(actor, "officer:use")) nav.push({ to: "/officer", label: "Licensing" });
    if (can(actor, "lado:use")) nav.push({ to: "/lado", label: "LADO referrals" });
    if (can(actor, "admin:use")) nav.push({ to: "/admin", label: "Administration" });
    if (can(actor, "chaperone:use")) nav.push({ to: "/chaperone", label: "Chaperone approval" });
    if (can(actor, "employer:use")) nav.push({ to: "/employer", label: "Employment permits" });
    if (can(actor, "school:use")) nav.push({ to: "/school", label: "Your school" });
    nav.push({ to: "/account", label: "Your account" });
  }
  return { csrfToken: context.csrfToken, user: actor ? { name: actor.name } : null, nav, devMailbox: mailboxEnabled() };
}
