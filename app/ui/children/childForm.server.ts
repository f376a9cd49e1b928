import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { Actor } from "~/domain/actor";
import type { ChildDetailsInput } from "~/domain/children/childDetails";
import { storeChildUploads } from "~/domain/children.server";
import { isoDate } from "~/forms/chaperone";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { chosenFile, fileTooLarge, readUploadForm, replyWithError, UPLOAD_READ_LIMIT } from "~/server/forms.server";
import { CHILD_FILES, childSchema } from "./ChildForm";

const HIDE = [...CHILD_FILES];

/**
 * The action behind the child's details form: files first (each one stored is kept, its id carried in the form,
 * so a mistake elsewhere never loses it), then the answers, then `save` (one verb), whose rule failures come
 * back against the fields.
 */
export async function childFormAction({ request, context }: ActionFunctionArgs, mode: "new" | "edit", save: (actor: Actor, input: ChildDetailsInput) => Promise<Response>) {
  const { formData, tooLarge } = await readUploadForm(request, context, UPLOAD_READ_LIMIT);
  const { actor } = await requireCapability(request, context, "parent:use");
  if (tooLarge) return fileTooLarge("", "The selected files must be smaller than 10 MB each, and the photograph smaller than 5 MB");
  const { stored, errors } = await storeChildUploads(db(), actor, {
    photo: await chosenFile(formData, "photo"),
    birthCertificate: await chosenFile(formData, "birthCertificate"),
  });
  for (const file of CHILD_FILES) {
    const row = stored[file];
    if (row) {
      formData.set(`${file}UploadId`, row.id);
      formData.set(`${file}UploadName`, row.filename);
    }
  }
  const submission = parseWithZod(formData, { schema: childSchema(mode) });
  if (submission.status !== "success" || Object.keys(errors).length) return json(submission.reply({ fieldErrors: errors, hideFields: HIDE }), { status: 400 });
  const v = submission.value;
  try {
    return await save(actor, {
      firstName: v.firstName,
      lastName: v.lastName,
      dateOfBirth: isoDate(v, "dateOfBirth", "date of birth"),
      addressLine1: v.addressLine1,
      addressLine2: v.addressLine2,
      town: v.town,
      postcode: v.postcode,
      authorityId: v.authorityId,
      school: v.school,
      schoolId: v.schoolId,
      schoolName: v.schoolName,
      photoUploadId: v.photoUploadId,
      photoTakenOn: isoDate(v, "photoTakenOn", "date the photograph was taken"),
      birthCertificateUploadId: v.birthCertificateUploadId,
    });
  } catch (error) {
    return replyWithError(submission, error, HIDE);
  }
}
