import { getFormProps, type Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listProducerOrganisations } from "~/domain/productions.server";
import { findKeptBopaUpload, type KeptUpload, listHostCouncils, storeBopaUpload, submitBopaApplication } from "~/domain/bopa.server";
import { ageInRange, BOPA_MESSAGES as M, BOPA_TEXT_MAX, childrenCountInRange, isEmailAddress, isPhoneNumber, isWholeNumber } from "~/domain/bopa/checks";
import { BOPA_RULES } from "~/domain/bopa/rules";
import { londonDate } from "~/domain/calendar/dates";
import { RuleError } from "~/domain/errors";
import { dispatchEmails } from "~/domain/notifications.server";
import { tooLargeMessage, UPLOAD_POLICIES } from "~/domain/uploads.server";
import { parseDateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { chosenFile, readUploadForm, toResponse, UPLOAD_READ_LIMIT } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Checkboxes, DateInput, FileUpload, Radios, Textarea, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Apply for a body of persons approval" };

/** The most the form reads into memory; each file's own limit (10 MB) is checked after. */
const FILE_FIELDS = ["policy", "riskAssessment"] as const;
const ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

const chosen = (value: unknown) => typeof File !== "undefined" && value instanceof File && value.size > 0;

/** A rule on a day/month/year date, once it is a real date; the message goes on the day input. */
function dateRule(prefix: string, label: string, check: (iso: string, v: Record<string, unknown>) => string | undefined) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const parsed = parseDateParts(v[`${prefix}Day`], v[`${prefix}Month`], v[`${prefix}Year`], label);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", path: [`${prefix}Day`], message: parsed.error });
      return;
    }
    const message = check(parsed.iso, v);
    if (message) ctx.addIssue({ code: "custom", path: [`${prefix}Day`], message });
  };
}

const isoOf = (v: Record<string, unknown>, prefix: string) => {
  const parsed = parseDateParts(v[`${prefix}Day`], v[`${prefix}Month`], v[`${prefix}Year`], prefix);
  return "iso" in parsed ? parsed.iso : null;
};

function wholeNumber(name: string, empty: string, inRange: (n: number) => boolean, rangeMessage: string, whole: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const raw = String(v[name] ?? "").trim();
    const message = !raw ? empty : !isWholeNumber(raw) ? whole : !inRange(Number(raw)) ? rangeMessage : undefined;
    if (message) ctx.addIssue({ code: "custom", path: [name], message });
  };
}

const ALWAYS = { when: () => true };

const schema = z
  .object({
    organisationId: z.string({ error: M.organisationId }),
    hostAuthorityId: z.string({ error: M.hostAuthorityId }),
    performances: requiredText(M.performances, BOPA_TEXT_MAX.performances, `Performances must be ${BOPA_TEXT_MAX.performances} characters or fewer`),
    periodFromDay: z.string().optional(),
    periodFromMonth: z.string().optional(),
    periodFromYear: z.string().optional(),
    periodToDay: z.string().optional(),
    periodToMonth: z.string().optional(),
    periodToYear: z.string().optional(),
    venues: requiredText(M.venues, BOPA_TEXT_MAX.venues, `Venues must be ${BOPA_TEXT_MAX.venues} characters or fewer`),
    childrenCount: z.string().optional(),
    youngestAge: z.string().optional(),
    oldestAge: z.string().optional(),
    safeguardingLeadName: requiredText(M.safeguardingLeadName, BOPA_TEXT_MAX.name, `The name must be ${BOPA_TEXT_MAX.name} characters or fewer`),
    safeguardingLeadEmail: z.string().optional(),
    safeguardingLeadPhone: z.string().optional(),
    policy: z.unknown().optional(),
    policyUploadId: z.string().optional(),
    riskAssessment: z.unknown().optional(),
    riskAssessmentUploadId: z.string().optional(),
    chaperoneArrangements: requiredText(M.chaperoneArrangements, BOPA_TEXT_MAX.chaperoneArrangements, `Must be ${BOPA_TEXT_MAX.chaperoneArrangements} characters or fewer`),
    noPaymentConfirmed: z.string().optional(),
  })
  .superRefine(
    dateRule("periodFrom", "start of the period", (iso) => (iso < londonDate() ? M.periodFromPast : undefined)),
    ALWAYS,
  )
  .superRefine(
    dateRule("periodTo", "end of the period", (iso, v) => {
      const from = isoOf(v, "periodFrom");
      return from && iso < from ? M.periodToBeforeFrom : undefined;
    }),
    ALWAYS,
  )
  .superRefine(wholeNumber("childrenCount", M.childrenCount, childrenCountInRange, M.childrenCountRange, M.childrenCountWhole), ALWAYS)
  .superRefine(wholeNumber("youngestAge", M.youngestAge, ageInRange, M.youngestRange, M.ageWhole), ALWAYS)
  .superRefine(wholeNumber("oldestAge", M.oldestAge, ageInRange, M.oldestRange, M.ageWhole), ALWAYS)
  .superRefine((v, ctx) => {
    const [youngest, oldest] = [String(v.youngestAge ?? "").trim(), String(v.oldestAge ?? "").trim()];
    if (isWholeNumber(youngest) && isWholeNumber(oldest) && ageInRange(Number(youngest)) && ageInRange(Number(oldest)) && Number(oldest) < Number(youngest)) {
      ctx.addIssue({ code: "custom", path: ["oldestAge"], message: M.oldestBelowYoungest });
    }
    const email = String(v.safeguardingLeadEmail ?? "").trim();
    if (!email) ctx.addIssue({ code: "custom", path: ["safeguardingLeadEmail"], message: M.safeguardingLeadEmail });
    else if (email.length > BOPA_TEXT_MAX.email || !isEmailAddress(email)) ctx.addIssue({ code: "custom", path: ["safeguardingLeadEmail"], message: M.safeguardingLeadEmailFormat });
    const phone = String(v.safeguardingLeadPhone ?? "").trim();
    if (!phone) ctx.addIssue({ code: "custom", path: ["safeguardingLeadPhone"], message: M.safeguardingLeadPhone });
    else if (!isPhoneNumber(phone)) ctx.addIssue({ code: "custom", path: ["safeguardingLeadPhone"], message: M.safeguardingLeadPhoneFormat });
    if (!v.policyUploadId && !chosen(v.policy)) ctx.addIssue({ code: "custom", path: ["policy"], message: M.policy });
    if (!v.riskAssessmentUploadId && !chosen(v.riskAssessment)) ctx.addIssue({ code: "custom", path: ["riskAssessment"], message: M.riskAssessment });
    if (v.noPaymentConfirmed !== "yes") ctx.addIssue({ code: "custom", path: ["noPaymentConfirmed"], message: M.noPaymentConfirmed });
  }, ALWAYS);

const ORDER = [
  "organisationId",
  "hostAuthorityId",
  "performances",
  "periodFromDay",
  "periodToDay",
  "venues",
  "childrenCount",
  "youngestAge",
  "oldestAge",
  "safeguardingLeadName",
  "safeguardingLeadEmail",
  "safeguardingLeadPhone",
  "policy",
  "riskAssessment",
  "chaperoneArrangements",
  "noPaymentConfirmed",
];

type Kept = Partial<Record<(typeof FILE_FIELDS)[number], KeptUpload>>;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const [organisations, councils] = await Promise.all([listProducerOrganisations(db(), actor), listHostCouncils(db())]);
  return json({ organisations, councils });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { formData, tooLarge } = await readUploadForm(request, context, UPLOAD_READ_LIMIT);
  const { actor } = await requireCapability(request, context, "producer:use");
  if (tooLarge) {
    // Past the read limit nothing on the form can be read, so nothing typed can be kept.
    return json({ status: "error" as const, initialValue: {}, error: { "": [tooLargeMessage(UPLOAD_POLICIES.document.maxBytes)] }, kept: {} as Kept }, { status: 400 });
  }
  // Each new file is stored at once, and each stored one carried forward, so no error makes anyone upload again.
  const kept: Kept = {};
  const uploadErrors: Record<string, string[]> = {};
  for (const field of FILE_FIELDS) {
    const file = await chosenFile(formData, field);
    formData.delete(field);
    let upload = await findKeptBopaUpload(db(), actor, field, formData.get(`${field}UploadId`));
    if (file) {
      try {
        upload = await storeBopaUpload(db(), actor, field, file);
      } catch (error) {
        if (!(error instanceof RuleError)) throw error;
        uploadErrors[field] = Object.values(error.fieldErrors).flat();
      }
    }
    if (upload) kept[field] = upload;
    formData.set(`${field}UploadId`, upload?.id ?? "");
  }
  const submission = parseWithZod(formData, { schema });
  const fail = (result: Submission<unknown>, errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) =>
    json({ ...result.reply({ ...errors, hideFields: [...FILE_FIELDS] }), kept }, { status: 400 });
  if (submission.status !== "success" || Object.keys(uploadErrors).length) return fail(submission, { fieldErrors: uploadErrors });

  const v = submission.value;
  let result: Awaited<ReturnType<typeof submitBopaApplication>>;
  try {
    result = await submitBopaApplication(
      db(),
      actor,
      {
        organisationId: v.organisationId,
        hostAuthorityId: v.hostAuthorityId,
        performances: v.performances,
        periodFrom: isoOf(v, "periodFrom") ?? "",
        periodTo: isoOf(v, "periodTo") ?? "",
        venues: v.venues,
        childrenCount: Number(v.childrenCount),
        youngestAge: Number(v.youngestAge),
        oldestAge: Number(v.oldestAge),
        safeguardingLeadName: v.safeguardingLeadName,
        safeguardingLeadEmail: v.safeguardingLeadEmail ?? "",
        safeguardingLeadPhone: v.safeguardingLeadPhone ?? "",
        policyUploadId: kept.policy?.id ?? null,
        riskAssessmentUploadId: kept.riskAssessment?.id ?? null,
        chaperoneArrangements: v.chaperoneArrangements,
        noPaymentConfirmed: v.noPaymentConfirmed === "yes",
      },
      context.baseUrl,
    );
  } catch (error) {
    if (!(error instanceof RuleError)) return toResponse(error);
    const { "": formErrors = [], ...fieldErrors } = error.fieldErrors;
    return fail(submission, { formErrors, fieldErrors });
  }
  await dispatchEmails(result.outboxIds);
  return redirect(`/producer/bopa/${result.id}/confirmation`);
}

export default function ApplyForBopa() {
  const { organisations, councils } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const kept: Kept = lastResult?.kept ?? {};
  const [form, fields] = useGovukForm("bopa", schema, lastResult, organisations.length === 1 ? { organisationId: organisations[0].id } : undefined);
  const upload = (field: (typeof FILE_FIELDS)[number], what: string, hint: string) => {
    const done = kept[field];
    return (
      <>
        <input type="hidden" name={`${field}UploadId`} value={done?.id ?? ""} />
        {done ? (
          <p className="govuk-body" id={`${field}-uploaded`}>
            Uploaded: <strong>{done.filename}</strong>
          </p>
        ) : null}
        <FileUpload
          field={fields[field]}
          label={done ? `Replace the ${what} (optional)` : `Upload your ${what}`}
          hint={`${hint} A PDF, JPG or PNG smaller than 10 MB.${done ? ` Leave this empty to keep ${done.filename}.` : ""}`}
          accept={ACCEPT}
        />
      </>
    );
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/producer/bopa">Body of persons approvals</BackLink>
        <ErrorSummary form={form} order={ORDER} formErrorTarget="policy" />
        <h1 className="govuk-heading-l">Apply for a body of persons approval</h1>
        <p className="govuk-body">
          Apply to the council where the performances take place at least {BOPA_RULES["BOPA-21"].days} days before the first performance. If they take place in more than
          one council’s area, apply to each council.
        </p>
        <PostForm form={getFormProps(form)} upload>
          {organisations.length > 1 ? (
            <Radios field={fields.organisationId} legend="Which organisation is applying?" options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
          ) : (
            <input type="hidden" name="organisationId" value={organisations[0]?.id ?? ""} />
          )}
          <Radios
            field={fields.hostAuthorityId}
            legend="Which council are the performances in?"
            hint="The council for the area where the performances take place decides the application."
            options={councils.map((c) => ({ value: c.id, label: c.name, hint: `Approves up to ${c.maxMonths} months at a time` }))}
          />

          <h2 className="govuk-heading-m">Performances</h2>
          <Textarea
            field={fields.performances}
            label="Which performances or series is the approval for?"
            hint="For example, ‘Youth theatre summer season: 8 evening performances of Oliver! and rehearsals from May’"
          />
          <DateInput
            id="periodFrom"
            legend="Start of the period"
            hint="The date of the first performance or rehearsal, for example 27 3 2027"
            day={fields.periodFromDay}
            month={fields.periodFromMonth}
            year={fields.periodFromYear}
          />
          <DateInput
            id="periodTo"
            legend="End of the period"
            hint="The date of the last performance. Most councils approve up to 12 months"
            day={fields.periodToDay}
            month={fields.periodToMonth}
            year={fields.periodToYear}
          />
          <Textarea field={fields.venues} label="Venues" hint="The name and address of each venue, one per line" />

          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
              <h2 className="govuk-fieldset__heading">Children taking part</h2>
            </legend>
            <TextInput field={fields.childrenCount} label="Number of children" hint="The most taking part in the period" width="5" inputMode="numeric" />
            <TextInput field={fields.youngestAge} label="Age of the youngest child" hint={`In years, from ${BOPA_RULES["BOPA-AGES"].youngest}`} width="5" inputMode="numeric" />
            <TextInput field={fields.oldestAge} label="Age of the oldest child" hint={`In years, up to ${BOPA_RULES["BOPA-AGES"].oldest}`} width="5" inputMode="numeric" />
          </fieldset>

          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
              <h2 className="govuk-fieldset__heading">Safeguarding lead</h2>
            </legend>
            <div className="govuk-hint">The person responsible for safeguarding children in your organisation.</div>
            <TextInput field={fields.safeguardingLeadName} label="Full name" autoComplete="off" spellCheck={false} />
            <TextInput field={fields.safeguardingLeadEmail} label="Email address" type="email" autoComplete="off" spellCheck={false} />
            <TextInput field={fields.safeguardingLeadPhone} label="Phone number" type="tel" autoComplete="off" width="20" />
          </fieldset>

          <h2 className="govuk-heading-m">Documents</h2>
          {upload("policy", "child protection policy", "It must name your safeguarding lead and have been reviewed in the last 12 months.")}
          {upload("riskAssessment", "risk assessment", "It must cover each venue.")}

          <h2 className="govuk-heading-m">Chaperones</h2>
          <Textarea
            field={fields.chaperoneArrangements}
            label="How will children be chaperoned?"
            hint="For example, how many council-approved chaperones, for how many children, and who they are"
          />

          <Checkboxes
            field={fields.noPaymentConfirmed}
            legend="Payment"
            hint="An approval only covers performances where children are not paid."
            options={[{ value: "yes", label: "No child, or anyone for a child, will be paid beyond expenses" }]}
          />
          <Button>Send application</Button>
        </PostForm>
      </div>
    </div>
  );
}
