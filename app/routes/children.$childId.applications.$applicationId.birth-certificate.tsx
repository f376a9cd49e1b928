
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { storeChildUploads } from "~/domain/children.server";
import { saveParentSection } from "~/domain/licences-parent.server";
import { afterParentSave } from "~/domain/licences/parentSections";
import { tooLargeMessage, UPLOAD_POLICIES } from "~/domain/uploads.server";
import { EVEN_WITH_OTHER_ERRORS } from "~/forms/chaperone";
import { requireCapability } from "~/server/auth.server";
import { loadParentSection } from "~/server/parent-part.server";
import { db } from "~/server/db.server";
import { chosenFile, fileTooLarge, readUploadForm, replyWithError, UPLOAD_READ_LIMIT } from "~/server/forms.server";
import { FileUpload } from "~/ui/govuk/fields";
import { useGovukForm } from "~/ui/govuk/form";
import { ParentSectionPage } from "~/ui/licences/ParentSectionPage";

export const handle = { title: (data: { childFirstName?: string } | undefined) => `${data?.childFirstName ?? "The child"}'s birth certificate` };

const hasFile = (value: unknown) => typeof value === "object" && value !== null && "size" in value && (value as { size: number }).size > 0;

const schema = z
  .object({
    /** "yes" when a copy is on file already, so a new one is optional. */
    onFile: z.string().optional(),
    birthCertificate: z.unknown().optional(),
    birthCertificateUploadId: z.string().optional(),
    birthCertificateUploadName: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.onFile !== "yes" && !hasFile(value.birthCertificate) && !value.birthCertificateUploadId) {
      ctx.addIssue({ code: "custom", path: ["birthCertificate"], message: "Upload a copy of the child's birth certificate" });
    }
  }, EVEN_WITH_OTHER_ERRORS);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { part, page } = await loadParentSection(request, context, params);
  return json({
    ...page,
    certificate: part.birthCertificate,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { formData, tooLarge } = await readUploadForm(request, context, UPLOAD_READ_LIMIT);
  const { actor } = await requireCapability(request, context, "parent:use");
  if (tooLarge) return fileTooLarge("birthCertificate", tooLargeMessage(UPLOAD_POLICIES.document.maxBytes));
  const { stored, errors } = await storeChildUploads(db(), actor, { birthCertificate: await chosenFile(formData, "birthCertificate") });
  if (stored.birthCertificate) {
    formData.set("birthCertificateUploadId", stored.birthCertificate.id);
    formData.set("birthCertificateUploadName", stored.birthCertificate.filename);
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success" || Object.keys(errors).length) {
    return json(submission.reply({ fieldErrors: errors, hideFields: ["birthCertificate"] }), { status: 400 });
  }
  try {
    await saveParentSection(db(), actor, params.applicationId ?? "", { section: "birth-certificate", uploadId: submission.value.birthCertificateUploadId });
  } catch (error) {
    return replyWithError(submission, error, ["birthCertificate"]);
  }
  return redirect(`/children/${params.childId}/applications/${params.applicationId}${afterParentSave("birth-certificate", formData)}`);
}

export default function BirthCertificate() {
  const { base, returnTo, childFirstName, caption, certificate } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("birth-certificate", schema, useActionData<typeof action>());
  const keptId = typeof fields.birthCertificateUploadId.initialValue === "string" ? fields.birthCertificateUploadId.initialValue : "";
  const keptName = keptId ? String(fields.birthCertificateUploadName.initialValue ?? "your file") : null;
  const onFile = keptName ?? certificate?.filename ?? null;
  return (
    <ParentSectionPage
      base={base}
      returnTo={returnTo}
      caption={caption}
      form={form}
      order={["birthCertificate"]}
      upload
      intro={
        <>
          <h1 className="govuk-heading-l">{childFirstName}'s birth certificate</h1>
          {certificate && !keptName ? (
            <p className="govuk-body">
              We will send the copy {certificate.fromProfile ? `in ${childFirstName}'s details` : "you gave"}:{" "}
              <a className="govuk-link" href={`${base}/files/birth-certificate`}>
                {certificate.filename}
              </a>
              . You only need to upload a copy if it is not the right one.
            </p>
          ) : (
            <p className="govuk-body">The council needs a copy of {childFirstName}'s birth certificate to check their name and date of birth.</p>
          )}
        </>
      }
    >
      {certificate ? <input type="hidden" name="onFile" value="yes" /> : null}
      {keptId ? (
        <>
          <input type="hidden" name="birthCertificateUploadId" value={keptId} />
          <input type="hidden" name="birthCertificateUploadName" value={keptName ?? ""} />
        </>
      ) : null}
      <FileUpload
        field={fields.birthCertificate}
        label={onFile ? "Upload a different copy (optional)" : "Upload a copy of the birth certificate"}
        hint={`A scan or photo of the whole certificate. The file must be a JPG, PNG or PDF smaller than 10 MB.${keptName ? ` You have uploaded ${keptName}.` : ""}`}
        accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
      />
    </ParentSectionPage>
  );
}
