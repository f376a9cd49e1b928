import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { z } from "zod";
import { getMyChaperoneApplication, type SectionInput, saveApplicationSection } from "~/domain/chaperones.server";
import { requireCapability } from "./auth.server";
import { db } from "./db.server";
import { invalid, readForm, replyWithError } from "./forms.server";


const TASK_LIST = "/chaperone/application";
const CHECK_ANSWERS = "/chaperone/application/check";

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
