import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiErrors } from "~/domain/exemptions/schema";
import { checkSchedule } from "~/domain/hours/rules";
import { ScheduleCheckRequest } from "~/domain/hours/schema";
import { badRequest, methodNotAllowed, readJsonBody } from "~/server/api.server";

/** 366 days with a few periods each fit well within this. */
const MAX_BODY = 512 * 1024;

/**
 * POST /api/v1/schedule-checks — do these days keep within the hours rules (HOURS-*)? (DESIGN.md public contract)
 * Stateless and cookie-free, so no CSRF token; bad input is a 400 with errors by path, never a 500.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const read = await readJsonBody(request, MAX_BODY);
  if ("response" in read) return read.response;
  const parsed = ScheduleCheckRequest.safeParse(read.body);
  if (!parsed.success) return badRequest(apiErrors(parsed.error));
  return json(checkSchedule(parsed.data), { headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  return methodNotAllowed("Use POST with a JSON body");
}
