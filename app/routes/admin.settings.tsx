import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  BOPA_MONTHS_CHOICES,
  CHAPERONE_YEARS_CHOICES,
  DECISION_TARGET_CHOICES,
  EMPLOYMENT_LATEST_CHOICES,
  formatClosureDays,
  parseClosureDays,
  SCHOOL_WORKING_DAYS_CHOICES,
} from "~/domain/settings/choices";
import { getAuthoritySettings, updateAuthoritySettings } from "~/domain/settings.server";
import { requireAdmin } from "~/server/admin.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Radios, Textarea, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Local settings" };

const choice = (values: readonly number[], error: string) => z.enum(values.map(String) as [string, ...string[]], { error });

const schema = z.object({
  chaperoneLicenceYears: choice(CHAPERONE_YEARS_CHOICES, "Select how long chaperone approvals last"),
  exemptAbsenceAllowed: z.enum(["yes", "no"], { error: "Select yes if a child can miss school and still perform under the four-day rule" }),
  exemptBroadcastAllowed: z.enum(["yes", "no"], { error: "Select yes if a four-day-rule performance can be filmed or recorded for broadcast" }),
  bopaMaxMonths: choice(BOPA_MONTHS_CHOICES, "Select the longest period a BOPA can cover"),
  schoolResponseWorkingDays: choice(SCHOOL_WORKING_DAYS_CHOICES, "Select how many working days a school has to answer"),
  consultSchoolAlways: z.enum(["yes", "no"], { error: "Select yes if the school is asked about every application" }),
  employmentLatest: z.enum(EMPLOYMENT_LATEST_CHOICES, { error: "Select the latest time children may work" }),
  employmentSchoolStarts: z
    .string({ error: "Enter the time school starts, like 08:45" })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Enter the time school starts, like 08:45" }),
  employmentSchoolEnds: z
    .string({ error: "Enter the time school ends, like 15:15" })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Enter the time school ends, like 15:15" }),
  licenceDecisionTargetWorkingDays: choice(DECISION_TARGET_CHOICES, "Select your target for deciding a performance licence"),
  escalationEmail: z
    .email({ error: "Enter an email address in the correct format, like name@example.com" })
    .max(254, { error: "The email address must be 254 characters or fewer" })
    .optional(),
  closureDays: z
    .string()
    .max(5000, { error: "Enter 60 closure days or fewer" })
    .optional()
    .superRefine((text, ctx) => {
      const parsed = parseClosureDays(text ?? "");
      if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
    }),
});

const ORDER = [
  "chaperoneLicenceYears",
  "exemptAbsenceAllowed",
  "exemptBroadcastAllowed",
  "bopaMaxMonths",
  "schoolResponseWorkingDays",
  "consultSchoolAlways",
  "employmentLatest",
  "employmentSchoolStarts",
  "employmentSchoolEnds",
  "closureDays",
  "licenceDecisionTargetWorkingDays",
  "escalationEmail",
];
/** The schema has already checked every line is a date. */
function closureDates(text: string | undefined) {
  const parsed = parseClosureDays(text ?? "");
  return "dates" in parsed ? parsed.dates : [];
}
const yesNo = (value: boolean) => (value ? "yes" : "no");
const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId } = await requireAdmin(request, context);
  const s = await getAuthoritySettings(db(), authorityId);
  return json({
    saved: {
      chaperoneLicenceYears: String(s.chaperoneLicenceYears),
      exemptAbsenceAllowed: yesNo(s.exemptAbsenceAllowed),
      exemptBroadcastAllowed: yesNo(s.exemptBroadcastAllowed),
      bopaMaxMonths: String(s.bopaMaxMonths),
      schoolResponseWorkingDays: String(s.schoolResponseWorkingDays),
      consultSchoolAlways: yesNo(s.consultSchoolAlways),
      employmentLatest: s.employmentLatest ?? "19:00",
      employmentSchoolStarts: s.employmentSchoolStarts,
      employmentSchoolEnds: s.employmentSchoolEnds,
      closureDays: formatClosureDays(s.closureDays),
      licenceDecisionTargetWorkingDays: String(s.licenceDecisionTargetWorkingDays),
      escalationEmail: s.escalationEmail ?? "",
    },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, authorityId } = await requireAdmin(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  try {
    await updateAuthoritySettings(db(), actor, authorityId, {
      chaperoneLicenceYears: Number(v.chaperoneLicenceYears),
      exemptAbsenceAllowed: v.exemptAbsenceAllowed === "yes",
      exemptBroadcastAllowed: v.exemptBroadcastAllowed === "yes",
      bopaMaxMonths: Number(v.bopaMaxMonths),
      schoolResponseWorkingDays: Number(v.schoolResponseWorkingDays),
      consultSchoolAlways: v.consultSchoolAlways === "yes",
      // the law's own latest time is stored as "not tightened"
      employmentLatest: v.employmentLatest === EMPLOYMENT_LATEST_CHOICES[0] ? null : v.employmentLatest,
      employmentSchoolStarts: v.employmentSchoolStarts,
      employmentSchoolEnds: v.employmentSchoolEnds,
      closureDays: closureDates(v.closureDays),
      licenceDecisionTargetWorkingDays: Number(v.licenceDecisionTargetWorkingDays),
      escalationEmail: v.escalationEmail?.toLowerCase() ?? null,
    });
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect("/admin?settingsSaved=1");
}

export default function Settings() {
  const { saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("settings", schema, useActionData<typeof action>(), saved);
  return (
    <>
      <BackLink to="/admin" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={ORDER} />
          <h1 className="govuk-heading-l">Local settings</h1>
          <PostForm form={getFormProps(form)}>
            <Radios
              field={fields.chaperoneLicenceYears}
              legend="How long do your chaperone approvals last?"
              hint="Applies to approvals granted from now on. Most councils approve chaperones for 3 years"
              options={CHAPERONE_YEARS_CHOICES.map((y) => ({ value: String(y), label: y === 1 ? "1 year" : `${y} years` }))}
            />
            <h2 className="govuk-heading-m">The four-day rule</h2>
            <p className="govuk-body">
              A child who is not paid may perform on up to 4 days in 6 months without a licence. Most councils do not allow these performances to need time off
              school or to be broadcast.
            </p>
            <Radios
              field={fields.exemptAbsenceAllowed}
              legend="Can a child miss school and still perform under the four-day rule?"
              hint="If you select no, a performance that needs time off school needs a licence (EXEMPT-ABSENCE)"
              options={YES_NO}
            />
            <Radios
              field={fields.exemptBroadcastAllowed}
              legend="Can a four-day-rule performance be filmed or recorded for broadcast?"
              hint="If you select no, a performance filmed or recorded for broadcast or streaming needs a licence (EXEMPT-BROADCAST)"
              options={YES_NO}
            />
            <h2 className="govuk-heading-m">Body of persons approvals</h2>
            <Radios
              field={fields.bopaMaxMonths}
              legend="Longest period a body of persons approval (BOPA) can cover"
              hint="Applies to approvals granted from now on"
              options={BOPA_MONTHS_CHOICES.map((m) => ({ value: String(m), label: `${m} months` }))}
            />
            <h2 className="govuk-heading-m">Asking the child's school</h2>
            <Radios
              field={fields.schoolResponseWorkingDays}
              legend="How many working days does a school have to answer?"
              hint="The school is reminded 2 working days before its answer is due (SCHOOL-DEADLINE)"
              options={SCHOOL_WORKING_DAYS_CHOICES.map((d) => ({ value: String(d), label: `${d} working days` }))}
            />
            <Radios
              field={fields.consultSchoolAlways}
              legend="Ask the school about every performance licence application?"
              hint="If you select no, the school is asked only when the child will miss school"
              options={YES_NO}
            />
            <h2 className="govuk-heading-m">Children's part-time work</h2>
            <p className="govuk-body">Your byelaws may set tighter limits than the law. Permits are checked against them.</p>
            <Radios
              field={fields.employmentLatest}
              legend="Latest time children may work"
              hint="The law allows 19:00 (EMPLOY-LATEST)"
              options={EMPLOYMENT_LATEST_CHOICES.map((t) => ({ value: t, label: t === EMPLOYMENT_LATEST_CHOICES[0] ? `${t} (the law's limit)` : t }))}
            />
            <TextInput field={fields.employmentSchoolStarts} label="Time your schools start" hint="For example, 08:45. No work in school hours, and at most 1 hour before school" width="5" inputMode="numeric" />
            <TextInput field={fields.employmentSchoolEnds} label="Time your schools end" hint="For example, 15:15" width="5" inputMode="numeric" />
            <h2 className="govuk-heading-m">Working days</h2>
            <Textarea
              field={fields.closureDays}
              label="Days the council is closed"
              hint="Weekends and bank holidays are already left out. Enter each other closure day on its own line, like 29/12/2026. These days don't count towards the LADO's 1-working-day clock"
              rows={4}
            />
            <h2 className="govuk-heading-m">Deadlines and reports</h2>
            <Radios
              field={fields.licenceDecisionTargetWorkingDays}
              legend="Your target for deciding a performance licence"
              hint="Working days from a complete application. Reports show the share decided within it"
              options={DECISION_TARGET_CHOICES.map((d) => ({ value: String(d), label: `${d} working days` }))}
            />
            <TextInput
              field={fields.escalationEmail}
              label="Manager's email address for deadline escalations (optional)"
              hint="Each working day at 09:00, officers are emailed about items due within 2 working days or overdue. This address gets a copy"
              type="email"
              spellCheck={false}
            />
            <Button>Save settings</Button>
          </PostForm>
        </div>
      </div>
    </>
  );
}
