import { timingSafeEqual } from "node:crypto";

export const CSRF_FIELD = "csrf";
export const CSRF_COOKIE = "clp_csrf";

/** Raised for a state-changing request without the form's token matching the cookie's. */
export function csrfRejected() {
  return new Response("The form could not be submitted. Go back, refresh the page and try again.", { status: 403, statusText: "Forbidden" });
}

export function tokensMatch(expected: string, submitted: unknown) {
  if (!expected || typeof submitted !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
