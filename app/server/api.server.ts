import { json } from "@remix-run/node";

/** The public JSON APIs' error shape (DESIGN.md): `400 {"errors":[{"path","message"}]}`. */
export type ApiError = { path: string; message: string };

export const badRequest = (errors: ApiError[]) => json({ errors }, { status: 400 });

export const methodNotAllowed = (message = "Use POST") => json({ errors: [{ path: "", message }] }, { status: 405, headers: { Allow: "POST" } });

/** Reads a JSON request body of at most `maxChars`; anything else is a 400 response to return as it is. */
export async function readJsonBody(request: Request, maxChars: number): Promise<{ body: unknown } | { response: Response }> {
  const tooLarge = () => ({ response: badRequest([{ path: "", message: "The request body is too large" }]) });
  // Refuse an announced oversized body before reading it (a character is at most 4 bytes).
  if (Number(request.headers.get("Content-Length") ?? 0) > maxChars * 4) return tooLarge();
  const text = await request.text();
  if (text.length > maxChars) return tooLarge();
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { response: badRequest([{ path: "", message: "The request body must be JSON" }]) };
  }
}
