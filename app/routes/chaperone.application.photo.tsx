import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { saveApplicationSection } from "~/domain/chaperones.server";
import { tooLargeMessage, UPLOAD_POLICIES } from "~/domain/uploads.server";
import { requireCapability } from "~/server/auth.server";
import { afterSave, requireEditableApplication } from "~/server/chaperone-applicant.server";
import { db } from "~/server/db.server";
import { chosenFile, fileTooLarge, invalid, readUploadForm, replyWithError, UPLOAD_READ_LIMIT } from "~/server/forms.server";
import { Caption, QuestionPage, ReturnTo, SaveButton } from "~/ui/chaperones/QuestionPage";
import { FileUpload } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Upload a photograph of yourself" };

// The file is checked on the server (its first bytes, size, and re-encoded); nothing to check in the browser.
const schema = z.object({ photo: z.unknown().optional() });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application, returnTo } = await requireEditableApplication(request, context);
  return json({ returnTo, photo: application.photo });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { formData, tooLarge } = await readUploadForm(request, context, UPLOAD_READ_LIMIT);
  const { actor } = await requireCapability(request, context, "chaperone:use");
  if (tooLarge) return fileTooLarge("photo", tooLargeMessage(UPLOAD_POLICIES.photo.maxBytes));
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission, ["photo"]);
  try {
    await saveApplicationSection(db(), actor, { section: "photo", photo: await chosenFile(formData, "photo") });
  } catch (error) {
    return replyWithError(submission, error, ["photo"]);
  }
  return afterSave(formData);
}

export default function Photo() {
  const { returnTo, photo } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("photo", schema, useActionData<typeof action>());
  return (
    <QuestionPage returnTo={returnTo}>
      <ErrorSummary form={form} order={["photo"]} />
      <Caption />
      <h1 className="govuk-heading-l">Upload a photograph of yourself</h1>
      <p className="govuk-body">It will be printed on your chaperone ID card. Use a recent, clear photograph of your face, like a passport photo, against a plain background.</p>
      <p className="govuk-body">We remove the location, camera and other details stored inside the file.</p>
      {photo ? (
        <>
          <h2 className="govuk-heading-s">Your photograph</h2>
          <img className="app-photo govuk-!-margin-bottom-6" src={`/chaperone/uploads/${photo.id}`} alt="The photograph you uploaded" width={180} />
        </>
      ) : null}
      <PostForm form={getFormProps(form)} upload>
        <ReturnTo returnTo={returnTo} />
        <FileUpload
          field={fields.photo}
          label={photo ? "Upload a different photograph (optional)" : "Upload a photograph"}
          hint={`The file must be a JPG or PNG smaller than 5 MB.${photo ? ` You have uploaded ${photo.filename}.` : ""}`}
          accept="image/jpeg,image/png,.jpg,.jpeg,.png"
        />
        <SaveButton />
      </PostForm>
    </QuestionPage>
  );
}
