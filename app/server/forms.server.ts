import type { AppLoadContext } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { ForbiddenError, NotFoundError, RuleError } from "~/domain/errors";
import { dispatchEmails } from "~/domain/notifications.server";
import type { IncomingFile } from "~/domain/uploads.server";
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
  return withoutControlCharacters(formData);
}

/** Control characters nobody types: all but tab and line breaks (a NUL would also make PostgreSQL refuse the change). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text as it may be stored and printed: control characters (sent by broken or hostile clients) are dropped from every posted text value. */
function withoutControlCharacters(formData: FormData) {
  const clean = new FormData();
  for (const [name, value] of formData.entries()) clean.append(name, typeof value === "string" ? value.replace(CONTROL_CHARACTERS, "") : value);
  return clean;
}

/** The most a form with a file reads into memory; the upload rules (5 MB photographs, 10 MB documents) are checked after. */
export const UPLOAD_READ_LIMIT = 25 * 1024 * 1024;

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
  return { formData: withoutControlCharacters(formData), tooLarge: false as const };
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

/** The file chosen in a file input, or null when none was chosen (a file input with nothing picked posts an empty, nameless part). */
export async function chosenFile(formData: FormData, name: string): Promise<IncomingFile | null> {
  const value = formData.get(name);
  if (!(value instanceof Blob)) return null;
  const filename = "name" in value && typeof value.name === "string" ? value.name : "";
  if (value.size === 0 && !filename) return null;
  return { bytes: Buffer.from(await value.arrayBuffer()), filename };
}

/** The reply when a file was over the read limit (the form could not be read, so nothing else typed can be kept). */
export function fileTooLarge(field: string, message: string) {
  return json({ status: "error" as const, initialValue: {}, error: { [field]: [message] } }, { status: 400 });
}

/**
 * A form that calls one verb: checks the form against the schema, runs the verb, sends the emails it queued
 * (`outboxIds`), then `then()` — usually a redirect. Invalid input and rule failures go back to the form.
 */
export async function submitForm<Schema extends z.ZodType<unknown, Record<string, unknown>>>(
  formData: FormData,
  schema: Schema,
  run: (value: z.output<Schema>) => Promise<unknown>,
  then: () => Response,
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    const outboxIds = ((await run(submission.value)) as { outboxIds?: string[] } | undefined)?.outboxIds;
    if (outboxIds?.length) await dispatchEmails(outboxIds);
  } catch (error) {
    return replyWithError(submission, error);
  }
  return then();
}
