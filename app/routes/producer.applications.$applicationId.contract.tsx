import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getProducerApplication, saveProducerContract } from "~/domain/licences-producer.server";
import { tooLargeMessage, UPLOAD_POLICIES } from "~/domain/uploads.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { chosenFile, fileTooLarge, guard, invalid, readUploadForm, replyWithError, UPLOAD_READ_LIMIT } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { FileUpload } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Contract" };

// The file is checked on the server (its first bytes and size); nothing to check in the browser.
const schema = z.object({ contract: z.unknown().optional() });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? ""));
  if (!view.application.editable) throw redirect(`/producer/applications/${view.application.id}`);
  return json({ applicationId: view.application.id, child: view.child, production: view.production, contract: view.contract });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { formData, tooLarge } = await readUploadForm(request, context, UPLOAD_READ_LIMIT);
  const { actor } = await requireCapability(request, context, "producer:use");
  if (tooLarge) return fileTooLarge("contract", tooLargeMessage(UPLOAD_POLICIES.document.maxBytes));
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission, ["contract"]);
  try {
    await saveProducerContract(db(), actor, params.applicationId ?? "", await chosenFile(formData, "contract"));
  } catch (error) {
    return replyWithError(submission, error, ["contract"]);
  }
  return redirect(`/producer/applications/${params.applicationId}?saved=contract`);
}

export default function Contract() {
  const { applicationId, child, production, contract } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("contract", schema, useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/applications/${applicationId}`}>{child.name}'s licence application</BackLink>
        <ErrorSummary form={form} order={["contract"]} />
        <span className="govuk-caption-l">
          {child.name} – {production.title}
        </span>
        <h1 className="govuk-heading-l">Contract</h1>
        <p className="govuk-body">
          Upload {child.firstName}'s contract, or a letter setting out the terms of their engagement: the dates, what they will do and what they are paid.
        </p>
        <PostForm form={getFormProps(form)} upload>
          <FileUpload
            field={fields.contract}
            label={contract ? "Upload a different contract (optional)" : "Upload the contract"}
            hint={`The file must be a PDF, JPG or PNG smaller than 10 MB.${contract ? ` You have uploaded ${contract.filename}.` : ""}`}
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          />
          <Button>Save and continue</Button>
        </PostForm>
      </div>
    </div>
  );
}
