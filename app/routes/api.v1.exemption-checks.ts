import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { checkExemption } from "~/domain/exemptions/rules";
import { apiErrors, ExemptionCheckRequest } from "~/domain/exemptions/schema";
import { badRequest, methodNotAllowed, readJsonBody } from "~/server/api.server";

const MAX_BODY = 256 * 1024;

/**
 * POST /api/v1/exemption-checks — does this child need a performance licence? (DESIGN.md public contract)
 * Stateless and cookie-free, so no CSRF token; bad input is a 400 with errors by path, never a 500.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const read = await readJsonBody(request, MAX_BODY);
  if ("response" in read) return read.response;
  const parsed = ExemptionCheckRequest.safeParse(read.body);
  if (!parsed.success) return badRequest(apiErrors(parsed.error));
  return json(checkExemption(parsed.data), { headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  return methodNotAllowed("Use POST with a JSON body");
}
