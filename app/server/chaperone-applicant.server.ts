import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { z } from "zod";
import { getMyChaperoneApplication, type SectionInput, saveApplicationSection } from "~/domain/chaperones.server";
import type { IncomingFile } from "~/domain/uploads.server";
import { requireCapability } from "./auth.server";
import { db } from "./db.server";
import { invalid, readForm, replyWithError } from "./forms.server";

/** The most a question page with a file reads into memory; the upload rules (5 MB photographs, 10 MB documents) are checked after. */
export const UPLOAD_READ_LIMIT = 25 * 1024 * 1024;

export const TASK_LIST = "/chaperone/application";
export const CHECK_ANSWERS = "/chaperone/application/check";

/** A question page's loader: the chaperone's application while they can still change it, else back to their home page. */
export async function requireEditableApplication(request: Request, context: AppLoadContext) {
  const { actor } = await requireCapability(request, context, "chaperone:use");
  const application = await getMyChaperoneApplication(db(), actor);
  if (!application?.editable) throw redirect("/chaperone");
  const from = new URL(request.url).searchParams.get("from") === "check" ? "check" : null;
  return { actor, application, returnTo: from };
}

/** Where "Save and continue" goes: back to check your answers when the person came from there, else the task list. */
export function afterSave(formData: FormData) {
  return redirect(formData.get("returnTo") === "check" ? CHECK_ANSWERS : TASK_LIST);
}

/** A question page's action (no file): check the form, parse it, save the section, then on to the next page. */
export async function saveSectionAction<Schema extends z.ZodType<unknown, Record<string, unknown>>>(
  { request, context }: ActionFunctionArgs,
  schema: Schema,
  toSection: (value: z.output<Schema>) => SectionInput,
) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "chaperone:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await saveApplicationSection(db(), actor, toSection(submission.value as z.output<Schema>));
  } catch (error) {
    return replyWithError(submission, error);
  }
  return afterSave(formData);
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
