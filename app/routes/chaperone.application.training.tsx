import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { saveApplicationSection } from "~/domain/chaperones.server";
import { tooLargeMessage, UPLOAD_POLICIES } from "~/domain/uploads.server";
import { dateFields, dateRule, EVEN_WITH_OTHER_ERRORS, isoDate } from "~/forms/chaperone";
import { dateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { afterSave, requireEditableApplication } from "~/server/chaperone-applicant.server";
import { db } from "~/server/db.server";
import { chosenFile, fileTooLarge, invalid, readUploadForm, replyWithError, UPLOAD_READ_LIMIT } from "~/server/forms.server";
import { Caption, QuestionPage, ReturnTo, SaveButton } from "~/ui/chaperones/QuestionPage";
import { DateInput, FileUpload, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Chaperone training" };

const LABEL = "date you completed the training";

const schema = z
  .object({
    trainingDateDay: z.string().optional(),
    trainingDateMonth: z.string().optional(),
    trainingDateYear: z.string().optional(),
    trainingProvider: requiredText("Enter who gave the training", 200, "Who gave the training must be 200 characters or fewer"),
    certificate: z.unknown().optional(),
  })
  .superRefine(dateParts("trainingDate", LABEL), EVEN_WITH_OTHER_ERRORS)
  .superRefine(dateRule("trainingDate", LABEL, (iso, today) => (iso > today ? "The date you completed the training must be today or in the past" : undefined)), EVEN_WITH_OTHER_ERRORS);

const ORDER = ["trainingDateDay", "trainingProvider", "certificate"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application, returnTo } = await requireEditableApplication(request, context);
  const a = application.answers;
  return json({
    returnTo,
    certificate: application.trainingCertificate,
    saved: { ...dateFields("trainingDate", a.trainingDate), trainingProvider: a.trainingProvider },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { formData, tooLarge } = await readUploadForm(request, context, UPLOAD_READ_LIMIT);
  const { actor } = await requireCapability(request, context, "chaperone:use");
  if (tooLarge) return fileTooLarge("certificate", tooLargeMessage(UPLOAD_POLICIES.document.maxBytes));
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission, ["certificate"]);
  try {
    await saveApplicationSection(db(), actor, {
      section: "training",
      trainingDate: isoDate(submission.value, "trainingDate", LABEL),
      trainingProvider: submission.value.trainingProvider,
      certificate: await chosenFile(formData, "certificate"),
    });
  } catch (error) {
    return replyWithError(submission, error, ["certificate"]);
  }
  return afterSave(formData);
}

export default function Training() {
  const { returnTo, certificate, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("training", schema, useActionData<typeof action>(), saved);
  return (
    <QuestionPage returnTo={returnTo}>
      <ErrorSummary form={form} order={ORDER} />
      <Caption />
      <h1 className="govuk-heading-l">Chaperone training</h1>
      <p className="govuk-body">Tell us about the chaperone guidance or training session you have been to, including its knowledge check.</p>
      <PostForm form={getFormProps(form)} upload>
        <ReturnTo returnTo={returnTo} />
        <DateInput
          id="trainingDate"
          legend="When did you complete the training?"
          hint="For example, 12 10 2026"
          day={fields.trainingDateDay}
          month={fields.trainingDateMonth}
          year={fields.trainingDateYear}
        />
        <TextInput field={fields.trainingProvider} label="Who gave the training?" hint="For example, Northmere Council or a training company" />
        <FileUpload
          field={fields.certificate}
          label={certificate ? "Upload a different certificate (optional)" : "Upload your certificate (optional)"}
          hint={`If you were given a certificate, upload a JPG, PNG or PDF smaller than 10 MB.${certificate ? ` You have uploaded ${certificate.filename}.` : ""}`}
          accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
        />
        <SaveButton />
      </PostForm>
    </QuestionPage>
  );
}
