import { json } from "@remix-run/node";
import { answerJson, PUBLIC_APIS, TOO_LARGE } from "./public-api.server";

/** The public JSON APIs' error shape (DESIGN.md): `400 {"errors":[{"path","message"}]}`. */
export type ApiError = { path: string; message: string };

export const methodNotAllowed = (message = "Use POST") => json({ errors: [{ path: "", message }] }, { status: 405, headers: { Allow: "POST" } });

/** A public API's route: POST with a JSON body of at most the API's size, answered as PUBLIC_APIS says. */
export async function publicApiAction(request: Request, path: keyof typeof PUBLIC_APIS): Promise<Response> {
  if (request.method !== "POST") return methodNotAllowed();
  const api = PUBLIC_APIS[path];
  // Refuse an announced oversized body before reading it (a character is at most 4 bytes).
  const tooLarge = Number(request.headers.get("Content-Length") ?? 0) > api.maxChars * 4;
  const { status, body } = tooLarge ? TOO_LARGE : answerJson(api, await request.text());
  return json(body, { status, headers: { "Cache-Control": "no-store" } });
}
