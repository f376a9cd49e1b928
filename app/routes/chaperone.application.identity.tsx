import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { saveApplicationSection } from "~/domain/chaperones.server";
import { CHAPERONE_RULES } from "~/domain/chaperones/rules";
import { IDENTITY_DOCUMENT_TYPE_NAMES, IDENTITY_DOCUMENT_TYPES } from "~/domain/chaperones/sections";
import { tooLargeMessage, UPLOAD_POLICIES } from "~/domain/uploads.server";
import { requireCapability } from "~/server/auth.server";
import { afterSave, requireEditableApplication } from "~/server/chaperone-applicant.server";
import { db } from "~/server/db.server";
import { chosenFile, fileTooLarge, invalid, readUploadForm, replyWithError, UPLOAD_READ_LIMIT } from "~/server/forms.server";
import { Caption, QuestionPage, ReturnTo, SaveButton } from "~/ui/chaperones/QuestionPage";
import { Checkboxes, FileUpload } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Identity documents" };

const NEEDED = CHAPERONE_RULES["CHAPLIC-IDENTITY"].documents;
const chooseMessage = `Select ${NEEDED} documents you will bring to your interview`;

const schema = z.object({
  documentTypes: z.array(z.enum(IDENTITY_DOCUMENT_TYPE_NAMES, { error: chooseMessage }), { error: chooseMessage }).min(NEEDED, { error: chooseMessage }),
  scan: z.unknown().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application, returnTo } = await requireEditableApplication(request, context);
  return json({ returnTo, scan: application.identityScan, saved: { documentTypes: application.answers.identityDocumentTypes } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { formData, tooLarge } = await readUploadForm(request, context, UPLOAD_READ_LIMIT);
  const { actor } = await requireCapability(request, context, "chaperone:use");
  if (tooLarge) return fileTooLarge("scan", tooLargeMessage(UPLOAD_POLICIES.document.maxBytes));
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission, ["scan"]);
  const scan = await chosenFile(formData, "scan");
  try {
    await saveApplicationSection(db(), actor, { section: "identity", documentTypes: submission.value.documentTypes, scan });
  } catch (error) {
    return replyWithError(submission, error, ["scan"]);
  }
  return afterSave(formData);
}

export default function Identity() {
  const { returnTo, scan, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("identity", schema, useActionData<typeof action>(), saved);
  return (
    <QuestionPage returnTo={returnTo}>
      <ErrorSummary form={form} order={["documentTypes", "scan"]} />
      <Caption />
      <h1 className="govuk-heading-l">Identity documents</h1>
      <p className="govuk-body">
        Bring {NEEDED} documents that prove who you are to your interview. At least one should show your photograph, and one your current address.
      </p>
      <PostForm form={getFormProps(form)} upload>
        <ReturnTo returnTo={returnTo} />
        <Checkboxes
          field={fields.documentTypes}
          legend={`Which ${NEEDED} documents will you bring?`}
          hint="Select all that apply"
          options={IDENTITY_DOCUMENT_TYPE_NAMES.map((value) => ({ value, label: IDENTITY_DOCUMENT_TYPES[value] }))}
        />
        <FileUpload
          field={fields.scan}
          label={scan ? "Upload a different scan or photo (optional)" : "Upload a scan or photo of one of these documents"}
          hint={`The file must be a JPG, PNG or PDF smaller than 10 MB.${scan ? ` You have uploaded ${scan.filename}.` : ""}`}
          accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
        />
        <SaveButton />
      </PostForm>
    </QuestionPage>
  );
}
