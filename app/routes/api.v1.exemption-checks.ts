import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { checkExemption } from "~/domain/exemptions/rules";
import { apiErrors, ExemptionCheckRequest } from "~/domain/exemptions/schema";

const MAX_BODY = 256 * 1024;
const bad = (errors: { path: string; message: string }[]) => json({ errors }, { status: 400 });

/**
 * POST /api/v1/exemption-checks — does this child need a performance licence? (DESIGN.md public contract)
 * Stateless and cookie-free, so no CSRF token; bad input is a 400 with errors by path, never a 500.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ errors: [{ path: "", message: "Use POST" }] }, { status: 405, headers: { Allow: "POST" } });
  const text = await request.text();
  if (text.length > MAX_BODY) return bad([{ path: "", message: "The request body is too large" }]);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bad([{ path: "", message: "The request body must be JSON" }]);
  }
  const parsed = ExemptionCheckRequest.safeParse(body);
  if (!parsed.success) return bad(apiErrors(parsed.error));
  return json(checkExemption(parsed.data), { headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  return json({ errors: [{ path: "", message: "Use POST with a JSON body" }] }, { status: 405, headers: { Allow: "POST" } });
}
