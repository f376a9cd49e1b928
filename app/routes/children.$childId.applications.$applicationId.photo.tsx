
import { formatDate, londonDate } from "~/domain/calendar/dates";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { storeChildUploads } from "~/domain/children.server";
import { saveParentSection } from "~/domain/licences-parent.server";
import { afterParentSave, isRecentPhoto } from "~/domain/licences/parentSections";
import { LICENCE_RULES } from "~/domain/licences/rules";
import { tooLargeMessage, UPLOAD_POLICIES } from "~/domain/uploads.server";
import { EVEN_WITH_OTHER_ERRORS, isoDate } from "~/forms/chaperone";
import { parseDateParts } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { loadParentSection } from "~/server/parent-part.server";
import { db } from "~/server/db.server";
import { chosenFile, fileTooLarge, readUploadForm, replyWithError, UPLOAD_READ_LIMIT } from "~/server/forms.server";
import { InsetText } from "~/ui/govuk/components";
import { DateInput, type Field, FileUpload, Radios } from "~/ui/govuk/fields";
import { useGovukForm } from "~/ui/govuk/form";
import { ParentSectionPage } from "~/ui/licences/ParentSectionPage";

export const handle = { title: (data: { childFirstName?: string } | undefined) => `Photograph of ${data?.childFirstName ?? "the child"}` };

const MONTHS = LICENCE_RULES["PERF-APP-PHOTO"].months;
const DATE_LABEL = "date the photograph was taken";
const hasFile = (value: unknown) => typeof value === "object" && value !== null && "size" in value && (value as { size: number }).size > 0;

const schema = z
  .object({
    photoChoice: z.enum(["current", "new"], { error: "Select whether to use this photograph" }),
    photo: z.unknown().optional(),
    photoUploadId: z.string().optional(),
    photoUploadName: z.string().optional(),
    photoTakenOnDay: z.string().optional(),
    photoTakenOnMonth: z.string().optional(),
    photoTakenOnYear: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.photoChoice !== "new") return;
    if (!hasFile(value.photo) && !value.photoUploadId) ctx.addIssue({ code: "custom", path: ["photo"], message: "Upload a photograph of the child" });
    const parsed = parseDateParts(value.photoTakenOnDay, value.photoTakenOnMonth, value.photoTakenOnYear, DATE_LABEL);
    const today = londonDate();
    const message =
      "error" in parsed
        ? parsed.error
        : parsed.iso > today
          ? "The date the photograph was taken must be today or in the past"
          : isRecentPhoto(parsed.iso, today)
            ? null
            : `The photograph must have been taken in the last ${MONTHS} months`;
    if (message) ctx.addIssue({ code: "custom", path: ["photoTakenOnDay"], message });
  }, EVEN_WITH_OTHER_ERRORS);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { part, page } = await loadParentSection(request, context, params);
  return json({
    ...page,
    photo: part.photo,
    saved: part.answers.photoUploadId ? { photoChoice: "current" } : undefined,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { formData, tooLarge } = await readUploadForm(request, context, UPLOAD_READ_LIMIT);
  const { actor } = await requireCapability(request, context, "parent:use");
  if (tooLarge) return fileTooLarge("photo", tooLargeMessage(UPLOAD_POLICIES.photo.maxBytes));
  const choice = formData.get("photoChoice");
  // The file first: once stored it is kept (its id goes back in the form) even if the date needs correcting.
  let uploadErrors: Record<string, string[]> = {};
  if (choice === "new") {
    const { stored, errors } = await storeChildUploads(db(), actor, { photo: await chosenFile(formData, "photo") });
    if (stored.photo) {
      formData.set("photoUploadId", stored.photo.id);
      formData.set("photoUploadName", stored.photo.filename);
    }
    uploadErrors = errors;
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success" || Object.keys(uploadErrors).length) {
    return json(submission.reply({ fieldErrors: uploadErrors, hideFields: ["photo"] }), { status: 400 });
  }
  const v = submission.value;
  try {
    await saveParentSection(db(), actor, params.applicationId ?? "", {
      section: "photo",
      useCurrent: v.photoChoice === "current",
      uploadId: v.photoUploadId,
      takenOn: v.photoChoice === "new" ? isoDate(v, "photoTakenOn", DATE_LABEL) : null,
    });
  } catch (error) {
    return replyWithError(submission, error, ["photo"]);
  }
  return redirect(`/children/${params.childId}/applications/${params.applicationId}${afterParentSave("photo", formData)}`);
}

/** The file input and the date it was taken; a file stored on an earlier try is kept and named in the hint. */
function NewPhoto({ fields }: { fields: Record<"photo" | "photoUploadId" | "photoUploadName" | "photoTakenOnDay" | "photoTakenOnMonth" | "photoTakenOnYear", Field> }) {
  const keptId = typeof fields.photoUploadId.initialValue === "string" ? fields.photoUploadId.initialValue : "";
  const keptName = keptId ? String(fields.photoUploadName.initialValue ?? "your photograph") : null;
  return (
    <>
      {keptId ? (
        <>
          <input type="hidden" name="photoUploadId" value={keptId} />
          <input type="hidden" name="photoUploadName" value={keptName ?? ""} />
        </>
      ) : null}
      <FileUpload
        field={fields.photo}
        label={keptName ? "Upload a different photograph (optional)" : "Upload a photograph"}
        hint={`A clear photograph of their face, like a passport photo. The file must be a JPG or PNG smaller than 5 MB.${keptName ? ` You have uploaded ${keptName}.` : ""}`}
        accept="image/jpeg,image/png,.jpg,.jpeg,.png"
      />
      <DateInput
        id="photoTakenOn"
        legend="When was the photograph taken?"
        hint={`It must have been taken in the last ${MONTHS} months. For example, 12 1 2027`}
        day={fields.photoTakenOnDay}
        month={fields.photoTakenOnMonth}
        year={fields.photoTakenOnYear}
      />
    </>
  );
}

export default function Photo() {
  const { base, returnTo, childFirstName, caption, photo, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("photo", schema, useActionData<typeof action>(), saved);
  const usable = photo?.recent ? photo : null;
  return (
    <ParentSectionPage
      base={base}
      returnTo={returnTo}
      caption={caption}
      form={form}
      order={["photoChoice", "photo", "photoTakenOnDay"]}
      upload
      intro={
        <>
          <h1 className="govuk-heading-l">Photograph of {childFirstName}</h1>
          <p className="govuk-body">The council needs a photograph of {childFirstName} taken in the last {MONTHS} months. It is printed on the licence.</p>
          {usable ? (
            <>
              <img className="app-photo govuk-!-margin-bottom-2" src={`${base}/files/photo`} alt={`The photograph of ${childFirstName} on file`} width={150} />
              <p className="govuk-body">
                Taken on {formatDate(usable.takenOn!)}
                {usable.fromProfile ? `, from ${childFirstName}'s details` : ""}.
              </p>
            </>
          ) : photo ? (
            <InsetText>
              The photograph in {childFirstName}'s details was taken {photo.takenOn ? `on ${formatDate(photo.takenOn)}` : "on an unknown date"}, more than {MONTHS}{" "}
              months ago. Upload a more recent one.
            </InsetText>
          ) : null}
        </>
      }
    >
      {usable ? (
        <Radios
          field={fields.photoChoice}
          legend="Do you want to use this photograph?"
          options={[
            { value: "current", label: "Yes, use this photograph" },
            { value: "new", label: "No, upload a new photograph", conditional: <NewPhoto fields={fields} /> },
          ]}
        />
      ) : (
        <>
          <input type="hidden" name="photoChoice" value="new" />
          <NewPhoto fields={fields} />
        </>
      )}
    </ParentSectionPage>
  );
}
