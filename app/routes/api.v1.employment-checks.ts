import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { checkEmployment } from "~/domain/employment/rules";
import { EmploymentCheckRequest } from "~/domain/employment/schema";
import { apiErrors } from "~/domain/exemptions/schema";
import { badRequest, methodNotAllowed, readJsonBody } from "~/server/api.server";
import { permitRuleOptions } from "~/server/permit-application.server";

/** A year of shifts fits well within this. */
const MAX_BODY = 256 * 1024;

/**
 * POST /api/v1/employment-checks — do this job and these shifts keep within the employment rules (EMPLOY-*)?
 * (DESIGN.md public contract.) Stateless and cookie-free, so no CSRF token; bad input is a 400 with errors by path.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const read = await readJsonBody(request, MAX_BODY);
  if ("response" in read) return read.response;
  const parsed = EmploymentCheckRequest.safeParse(read.body);
  if (!parsed.success) return badRequest(apiErrors(parsed.error));
  const result = checkEmployment(parsed.data, permitRuleOptions());
  return json(result, { headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  return methodNotAllowed("Use POST with a JSON body");
}
