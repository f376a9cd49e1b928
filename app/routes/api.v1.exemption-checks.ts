import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, publicApiAction } from "~/server/api.server";

/**
 * POST /api/v1/exemption-checks — does this child need a performance licence? (DESIGN.md public contract; the answer is in
 * app/server/public-api.server.ts, which the HTTP server also calls directly). Stateless and cookie-free, so no CSRF
 * token; bad input is a 400 with errors by path, never a 500.
 */
export const action = ({ request }: ActionFunctionArgs) => publicApiAction(request, "/api/v1/exemption-checks");

export function loader() {
  return methodNotAllowed("Use POST with a JSON body");
}
