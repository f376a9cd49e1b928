import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, publicApiAction } from "~/server/api.server";

/**
 * POST /api/v1/employment-checks — do this job and these shifts keep within the employment rules (EMPLOY-*)? (DESIGN.md public contract; the answer is in
 * app/server/public-api.server.ts, which the HTTP server also calls directly). Stateless and cookie-free, so no CSRF
 * token; bad input is a 400 with errors by path, never a 500.
 */
export const action = ({ request }: ActionFunctionArgs) => publicApiAction(request, "/api/v1/employment-checks");

export function loader() {
  return methodNotAllowed("Use POST with a JSON body");
}
