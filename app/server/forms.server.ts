import type { AppLoadContext } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import { ForbiddenError, NotFoundError, RuleError } from "~/domain/errors";
import { CSRF_FIELD, csrfRejected, tokensMatch } from "./csrf.server";

/** Reads a posted form and checks its CSRF token: every action starts here. */
export async function readForm(request: Request, context: AppLoadContext) {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw new Response("The form could not be read", { status: 400 });
  }
  if (!tokensMatch(context.csrfToken, formData.get(CSRF_FIELD))) throw csrfRejected();
  formData.delete(CSRF_FIELD);
  return formData;
}

/** Reads a multipart form with a file (held in memory, at most `maxBytes`) and checks its CSRF token. */
export async function readUploadForm(request: Request, context: AppLoadContext, maxBytes: number) {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return { formData: await readForm(request, context), tooLarge: false as const };
  }
  let formData: FormData;
  try {
    formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: null, tooLarge: true as const };
    throw new Response("The form could not be read", { status: 400 });
  }
  if (!tokensMatch(context.csrfToken, formData.get(CSRF_FIELD))) throw csrfRejected();
  return { formData, tooLarge: false as const };
}

/** Maps a domain error to a response once, at the route edge: rule failures become form errors. */
export function replyWithError<T>(submission: Submission<T>, error: unknown, hideFields: string[] = []) {
  if (error instanceof RuleError) {
    const { "": formErrors = [], ...fieldErrors } = error.fieldErrors;
    return json(submission.reply({ formErrors, fieldErrors, hideFields }), { status: 400 });
  }
  return toResponse(error);
}

/** Not found → 404, forbidden → 403; anything else is a real failure (500). */
export function toResponse(error: unknown): never {
  if (error instanceof ForbiddenError) throw new Response(error.message, { status: 403 });
  if (error instanceof NotFoundError) throw new Response(error.message, { status: 404 });
  throw error;
}

/** Runs a domain read in a loader, mapping domain errors to responses. */
export async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    return toResponse(error);
  }
}

export function invalid<T>(submission: Submission<T>, hideFields: string[] = []) {
  return json(submission.reply({ hideFields }), { status: 400 });
}
