import type { AppLoadContext } from "@remix-run/node";
import { authorityScope } from "~/domain/identity/capabilities";
import { requireCapability } from "./auth.server";

/** An admin acts for the (first) authority they administer. */
export async function requireAdmin(request: Request, context: AppLoadContext) {
  const current = await requireCapability(request, context, "admin:use");
  const [authorityId] = authorityScope(current.actor, "admin:use");
  if (!authorityId) throw new Response("Forbidden", { status: 403 });
  return { ...current, authorityId };
}
