import { type AppLoadContext, json, redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { getPermitApplication, submitPermitApplication } from "~/domain/employment-employer.server";
import { RuleError } from "~/domain/errors";
import { dispatchEmails } from "~/domain/notifications.server";
import { requireCapability } from "./auth.server";
import { db } from "./db.server";
import { env } from "./env.server";
import { guard, readForm, toResponse } from "./forms.server";

/** The EMPLOY-* options from the environment: the 2026 Act's limits from its date, once set. */
export const permitRuleOptions = () => ({ cwsa2026From: env().CWSA_2026_EMPLOYMENT_FROM ?? null });

/** Where a question page goes back to: check your answers when the person came from there. */
export const cameFromCheck = (request: Request) => new URL(request.url).searchParams.get("from") === "check";

/**
 * A page of the employer's side: the signed-in employer's organisation's permit (404 otherwise). `editable` pages
 * send the employer back to the permit's page once it has been sent to the council.
 */
export async function loadEmployerPermit(request: Request, context: AppLoadContext, params: Params, { editable = false } = {}) {
  const { actor } = await requireCapability(request, context, "employer:use");
  const view = await guard(getPermitApplication(db(), actor, params.permitId ?? "", "employer", { rules: permitRuleOptions() }));
  const base = `/employer/permits/${view.id}`;
  if (editable && !view.editable) throw redirect(base);
  return { actor, view, base };
}

/** A page of the parent's side: their own permit for the child in the address (404 otherwise). */
export async function loadParentPermit(request: Request, context: AppLoadContext, params: Params, { editable = false } = {}) {
  const { actor } = await requireCapability(request, context, "parent:use");
  const view = await guard(getPermitApplication(db(), actor, params.permitId ?? "", "parent", { rules: permitRuleOptions() }));
  if (!view.child || view.child.id !== params.childId) throw new Response("Not found", { status: 404 });
  const base = `/children/${view.child.id}/permits/${view.id}`;
  if (editable && !view.editable) throw redirect(base);
  return { actor, view, base, child: view.child };
}

/**
 * The check-and-send action of either side: sends the application and goes to its confirmation, or answers 400
 * with each problem linked to the page (`links`, by problem key) that fixes it.
 */
export async function sendPermitAction(
  request: Request,
  context: AppLoadContext,
  params: Params,
  as: "employer" | "parent",
  base: string,
  links: Record<string, string>,
) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, as === "employer" ? "employer:use" : "parent:use");
  try {
    const { outboxIds } = await submitPermitApplication(db(), actor, params.permitId ?? "", as, context.baseUrl, { rules: permitRuleOptions() });
    await dispatchEmails(outboxIds);
  } catch (error) {
    if (!(error instanceof RuleError)) return toResponse(error);
    const errors = Object.entries(error.fieldErrors).flatMap(([key, messages]) => messages.map((text) => ({ href: links[key] ?? base, text })));
    return json({ errors }, { status: 400 });
  }
  return redirect(`${base}/submitted`);
}
