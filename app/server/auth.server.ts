import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { type Actor, publicActor } from "~/domain/actor";
import { type Capability, can, type Target } from "~/domain/identity/capabilities";
import { loadActor } from "~/domain/identity/loadActor";
import { db } from "./db.server";
import { hasSessionCookie, readSession, type SessionRow } from "./session.server";

export type Current = { session: SessionRow; actor: Actor & { email: string } };

const perRequest = new WeakMap<Request, Promise<Current | null>>();

/** The signed-in person behind the request (memoised per request), or null. */
export function getCurrent(request: Request, context: AppLoadContext): Promise<Current | null> {
  let found = perRequest.get(request);
  if (!found) {
    found = (async () => {
      const session = await readSession(request);
      if (!session?.userId) return null;
      const actor = await loadActor(db(), session.userId, context.ip);
      return actor ? { session, actor } : null;
    })();
    perRequest.set(request, found);
  }
  return found;
}

export async function actorFor(request: Request, context: AppLoadContext): Promise<Actor> {
  return (await getCurrent(request, context))?.actor ?? publicActor(context.ip);
}

/** Signed in, or off to the sign-in page (coming back here afterwards). */
export async function requireCurrent(request: Request, context: AppLoadContext): Promise<Current> {
  const current = await getCurrent(request, context);
  if (!current) {
    const url = new URL(request.url);
    // A session cookie without a live session means it timed out: say so on the sign-in page.
    const expired = hasSessionCookie(request) ? "&expired=1" : "";
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}${expired}`);
  }
  return current;
}

/** Signed in and holding the capability (403 otherwise): each audience's route group calls this. */
export async function requireCapability(request: Request, context: AppLoadContext, capability: Capability, target?: Target) {
  const current = await requireCurrent(request, context);
  if (!can(current.actor, capability, target)) throw new Response("Forbidden", { status: 403 });
  return current;
}


/** Where to go after signing in: the requested page if it is ours, else the person's main desk. */
export function landingPath(actor: { memberships: { role: string }[] }, redirectTo?: string | null) {
  if (redirectTo?.startsWith("/") && !redirectTo.startsWith("//") && !redirectTo.startsWith("/\\")) return redirectTo;
  const roles = new Set(actor.memberships.map((m) => m.role));
  if (roles.has("officer")) return "/officer";
  if (roles.has("lado")) return "/lado";
  if (roles.has("admin")) return "/admin";
  if (roles.has("school")) return "/school";
  return "/account";
}
