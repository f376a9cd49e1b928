import { getFormProps } from "@conform-to/react";
import { z } from "zod";
import { dateOfBirthProblem, isPostcode } from "~/domain/children/rules";
import { dateRule, EVEN_WITH_OTHER_ERRORS, optionalText } from "~/forms/chaperone";
import { dateParts, requiredText } from "~/forms/fields";
import { Button } from "~/ui/govuk/components";
import { DateInput, type Field, FileUpload, Radios, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, type useGovukForm } from "~/ui/govuk/form";
import { type SchoolChoice, SchoolRadios } from "./SchoolRadios";

/** The child's details form, shared by "Add a child" and "Change details". Browser-safe; the verbs check again. */

export const CHILD_FILES = ["photo", "birthCertificate"] as const;
export type ChildFile = (typeof CHILD_FILES)[number];

const hasFile = (value: unknown) => typeof value === "object" && value !== null && "size" in value && (value as { size: number }).size > 0;

/** `new`: the photograph and birth certificate must be uploaded; `edit`: they are already on file, a new one replaces them. */
export function childSchema(mode: "new" | "edit") {
  return z
    .object({
      firstName: requiredText("Enter the child's first name", 100, "First name must be 100 characters or fewer"),
      lastName: requiredText("Enter the child's last name", 100, "Last name must be 100 characters or fewer"),
      dateOfBirthDay: z.string().optional(),
      dateOfBirthMonth: z.string().optional(),
      dateOfBirthYear: z.string().optional(),
      addressLine1: requiredText("Enter address line 1, typically the building and street", 100, "Address line 1 must be 100 characters or fewer"),
      addressLine2: optionalText(100, "Address line 2 must be 100 characters or fewer"),
      town: requiredText("Enter town or city", 60, "Town or city must be 60 characters or fewer"),
      postcode: requiredText("Enter postcode", 10, "Enter a full UK postcode, like NM1 2AB").refine(isPostcode, { error: "Enter a full UK postcode, like NM1 2AB" }),
      authorityId: z.string().optional(),
      school: z.enum(["listed", "not-listed", "home"], { error: "Select where the child goes to school" }),
      schoolId: z.string().optional(),
      schoolName: optionalText(200, "School name must be 200 characters or fewer"),
      photo: z.unknown().optional(),
      photoUploadId: z.string().optional(),
      photoUploadName: z.string().optional(),
      photoTakenOnDay: z.string().optional(),
      photoTakenOnMonth: z.string().optional(),
      photoTakenOnYear: z.string().optional(),
      birthCertificate: z.unknown().optional(),
      birthCertificateUploadId: z.string().optional(),
      birthCertificateUploadName: z.string().optional(),
    })
    .superRefine(dateParts("dateOfBirth", "child's date of birth"), EVEN_WITH_OTHER_ERRORS)
    .superRefine(dateRule("dateOfBirth", "child's date of birth", dateOfBirthProblem), EVEN_WITH_OTHER_ERRORS)
    .superRefine(dateParts("photoTakenOn", "date the photograph was taken"), EVEN_WITH_OTHER_ERRORS)
    .superRefine(
      dateRule("photoTakenOn", "date the photograph was taken", (iso, today) =>
        iso > today ? "The date the photograph was taken must be today or in the past" : undefined,
      ),
      EVEN_WITH_OTHER_ERRORS,
    )
    .superRefine((value: Record<string, unknown>, ctx) => {
      if (value.school === "listed" && !value.schoolId) ctx.addIssue({ code: "custom", path: ["schoolId"], message: "Select the child's school" });
      if (value.school === "not-listed" && !String(value.schoolName ?? "").trim()) {
        ctx.addIssue({ code: "custom", path: ["schoolName"], message: "Enter the name of the child's school" });
      }
      if (mode === "new" && !hasFile(value.photo) && !value.photoUploadId) ctx.addIssue({ code: "custom", path: ["photo"], message: "Upload a photograph of the child" });
      if (mode === "new" && !hasFile(value.birthCertificate) && !value.birthCertificateUploadId) {
        ctx.addIssue({ code: "custom", path: ["birthCertificate"], message: "Upload a copy of the child's birth certificate" });
      }
    }, EVEN_WITH_OTHER_ERRORS);
}

export type ChildSchema = ReturnType<typeof childSchema>;

const CHILD_FORM_ORDER = [
  "firstName",
  "lastName",
  "dateOfBirthDay",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "authorityId",
  "school",
  "schoolId",
  "schoolName",
  "photo",
  "photoTakenOnDay",
  "birthCertificate",
];

type Form = ReturnType<typeof useGovukForm<ChildSchema>>;

/** The hidden id of a file uploaded on an earlier try, and the hint that says it is kept. */
function KeptUpload({ id, name, file }: { id: Field; name: Field; file: ChildFile }) {
  if (typeof id.initialValue !== "string" || !id.initialValue) return null;
  return (
    <>
      <input type="hidden" name={`${file}UploadId`} value={id.initialValue} />
      <input type="hidden" name={`${file}UploadName`} value={typeof name.initialValue === "string" ? name.initialValue : ""} />
    </>
  );
}

const keptName = (id: Field, name: Field) => (typeof id.initialValue === "string" && id.initialValue ? String(name.initialValue ?? "your file") : null);

export function ChildForm({
  form: [form, fields],
  heading,
  caption,
  submitLabel,
  councils,
  schools,
  askCouncil,
  saved,
}: {
  form: Form;
  heading: string;
  caption?: string;
  submitLabel: string;
  councils: { id: string; name: string }[];
  schools: SchoolChoice[];
  askCouncil: boolean;
  /** When changing details: what is on file already (the photograph is shown). */
  saved?: { photoUrl: string | null; photoFilename: string | null; birthCertificateFilename: string | null };
}) {
  const keptPhoto = keptName(fields.photoUploadId, fields.photoUploadName);
  const keptCertificate = keptName(fields.birthCertificateUploadId, fields.birthCertificateUploadName);
  const showCouncil = askCouncil || !!fields.authorityId.errors?.length || !!fields.authorityId.initialValue;
  return (
    <>
      <ErrorSummary form={form} order={CHILD_FORM_ORDER} formErrorTarget="photo" />
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l">{heading}</h1>
      <PostForm form={getFormProps(form)} upload>
        <TextInput field={fields.firstName} label="First name" autoComplete="off" spellCheck={false} />
        <TextInput field={fields.lastName} label="Last name" autoComplete="off" spellCheck={false} />
        <DateInput
          id="dateOfBirth"
          legend="Date of birth"
          hint="For example, 27 3 2015"
          day={fields.dateOfBirthDay}
          month={fields.dateOfBirthMonth}
          year={fields.dateOfBirthYear}
        />

        <h2 className="govuk-heading-m">Where the child lives</h2>
        <TextInput field={fields.addressLine1} label="Address line 1" autoComplete="off" />
        <TextInput field={fields.addressLine2} label="Address line 2 (optional)" autoComplete="off" />
        <TextInput field={fields.town} label="Town or city" autoComplete="off" width="two-thirds" />
        <TextInput field={fields.postcode} label="Postcode" autoComplete="off" width="10" spellCheck={false} hint="The child's home council is worked out from it" />
        {showCouncil ? (
          <Radios
            field={fields.authorityId}
            legend="Which council does the child live in?"
            hint="We could not tell from the postcode. Choose the council the child's home pays council tax to"
            options={councils.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}

        <SchoolRadios fields={fields} schools={schools} legend="Where does the child go to school?" />

        <h2 className="govuk-heading-m">Photograph</h2>
        <p className="govuk-body">
          A clear photograph of the child's face, like a passport photo. Licence applications need one taken in the last 6 months. We remove the location,
          camera and other details stored inside the file.
        </p>
        {saved?.photoUrl ? <img className="app-photo govuk-!-margin-bottom-4" src={saved.photoUrl} alt="The photograph on file" width={120} /> : null}
        <KeptUpload id={fields.photoUploadId} name={fields.photoUploadName} file="photo" />
        <FileUpload
          field={fields.photo}
          label={saved?.photoFilename || keptPhoto ? "Upload a different photograph (optional)" : "Upload a photograph"}
          hint={`The file must be a JPG or PNG smaller than 5 MB.${keptPhoto ? ` You have uploaded ${keptPhoto}.` : saved?.photoFilename ? ` On file: ${saved.photoFilename}.` : ""}`}
          accept="image/jpeg,image/png,.jpg,.jpeg,.png"
        />
        <DateInput
          id="photoTakenOn"
          legend="When was the photograph taken?"
          hint="For example, 12 1 2026. If you are not sure, give your best guess"
          day={fields.photoTakenOnDay}
          month={fields.photoTakenOnMonth}
          year={fields.photoTakenOnYear}
        />

        <h2 className="govuk-heading-m">Birth certificate</h2>
        <KeptUpload id={fields.birthCertificateUploadId} name={fields.birthCertificateUploadName} file="birthCertificate" />
        <FileUpload
          field={fields.birthCertificate}
          label={saved?.birthCertificateFilename || keptCertificate ? "Upload a different copy (optional)" : "Upload a copy of the birth certificate"}
          hint={`A scan or photo of the whole certificate. The file must be a JPG, PNG or PDF smaller than 10 MB.${keptCertificate ? ` You have uploaded ${keptCertificate}.` : saved?.birthCertificateFilename ? ` On file: ${saved.birthCertificateFilename}.` : ""}`}
          accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
        />
        <Button>{submitLabel}</Button>
      </PostForm>
    </>
  );
}
