import { type AppLoadContext, redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { getParentPart } from "~/domain/licences-parent.server";
import { requireCapability } from "./auth.server";
import { db } from "./db.server";
import { guard } from "./forms.server";

/**
 * A page of the parent's part: the signed-in parent's application (404 if not theirs), sent back to the
 * application's page once it can no longer be changed, and what every section page shows.
 */
export async function loadParentSection(request: Request, context: AppLoadContext, params: Params) {
  const { actor } = await requireCapability(request, context, "parent:use");
  const part = await guard(getParentPart(db(), actor, params.childId ?? "", params.applicationId ?? ""));
  const base = `/children/${part.childId}/applications/${part.id}`;
  if (!part.editable) throw redirect(base);
  return {
    part,
    page: {
      base,
      returnTo: new URL(request.url).searchParams.get("from") === "check" ? ("check" as const) : null,
      childFirstName: part.child.firstName,
      caption: `${part.child.name}: ${part.production.title}`,
    },
  };
}
