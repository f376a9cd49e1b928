import { getFormProps } from "@conform-to/react";
import { z } from "zod";
import { OBJECTION_GROUNDS, SCHOOL_RESPONSES } from "#db/schema/licences";
import { formatDay } from "~/domain/calendar/dates";
import type { ConsultationAnswer, ConsultationView } from "~/domain/schools/consultationView";
import { EVEN_WITH_OTHER_ERRORS, optionalText } from "~/forms/chaperone";
import { requiredText } from "~/forms/fields";
import { Button, InsetText, SummaryList, Table, Tag } from "~/ui/govuk/components";
import { Checkboxes, Radios, Textarea, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

/** The school's answer (SCHOOL-*), by emailed link or school account: one schema, checked again by answerConsultation. */
export const consultationSchema = z
  .object({
    response: z.enum(SCHOOL_RESPONSES, { error: "Select whether you consent to the absence" }),
    grounds: z.array(z.enum(OBJECTION_GROUNDS, { error: "Select the grounds for your objection" })).optional(),
    reasons: optionalText(5000, "Your reasons must be 5000 characters or fewer"),
    name: requiredText("Enter the name of the head teacher or the person they have authorised", 200, "The name must be 200 characters or fewer"),
  })
  .superRefine((v, ctx) => {
    if (v.response !== "object") return;
    if (!v.grounds?.length) ctx.addIssue({ code: "custom", path: ["grounds"], message: "Select the grounds for your objection" });
    if (!v.reasons) ctx.addIssue({ code: "custom", path: ["reasons"], message: "Enter your reasons for objecting" });
  }, EVEN_WITH_OTHER_ERRORS);

export const CONSULTATION_ORDER = ["response", "grounds", "reasons", "name"];

const GROUND_LABELS: Record<(typeof OBJECTION_GROUNDS)[number], { label: string; hint: string }> = {
  education: { label: "Education", hint: "The child's education would suffer" },
  health: { label: "Health", hint: "The child is not fit to take part, or it would harm their health" },
  welfare: { label: "Welfare", hint: "A concern about the child's welfare or kind treatment" },
};

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
/** "5 March 2026", from a timestamp or an ISO date. */
export const formatLong = (value: string) => longDate.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value));

const dayList = (dates: string[]) =>
  dates.length ? (
    <ul className="govuk-list">
      {dates.map((d) => (
        <li key={d}>{formatDay(d)}</li>
      ))}
    </ul>
  ) : null;

const count = (n: number) => `${n} school ${n === 1 ? "day" : "days"}`;

/** Only what the school needs to answer: the child, the days and times, the school days missed and earlier licensed absences. */
export function ConsultationDetails({ view, answered }: { view: ConsultationView; answered?: boolean }) {
  return (
    <>
      <h2 className="govuk-heading-m">The child</h2>
      <SummaryList
        rows={[
          { key: "Name", value: view.child.name },
          { key: "Date of birth", value: formatLong(view.child.dateOfBirth) },
        ]}
      />
      <h2 className="govuk-heading-m">The production</h2>
      <SummaryList
        rows={[
          { key: "Production", value: view.production.title },
          { key: "Organisation", value: view.production.organisationName },
          { key: "Venue", value: view.production.venueName },
        ]}
      />
      <Table
        caption="Days at the venue"
        head={["Date", "At the venue", "School day missed"]}
        rows={view.days.map((d) => [formatDay(d.date), `${d.arrive} to ${d.depart}`, d.schoolDay ? "Yes" : "No"])}
      />
      <h2 className="govuk-heading-m">Absence from school</h2>
      <SummaryList
        rows={[
          { key: "School days missed", value: view.schoolDaysMissed.length ? <>{count(view.schoolDaysMissed.length)}{dayList(view.schoolDaysMissed)}</> : "None" },
          {
            key: `Licensed absences since ${formatLong(view.licensedAbsences.since)}`,
            value: view.licensedAbsences.count ? <>{count(view.licensedAbsences.count)}{dayList(view.licensedAbsences.dates)}</> : "None",
          },
          {
            key: "Answer due by",
            value: answered ? (
              formatDay(view.dueOn)
            ) : (
              <>
                {formatDay(view.dueOn)}{" "}
                <Tag colour={view.clock.overdue ? "red" : view.timeLeft === "Due today" ? "orange" : "blue"}>{view.timeLeft}</Tag>
              </>
            ),
          },
        ]}
      />
    </>
  );
}

/** The consent-or-object form; `lastResult` is the action's reply, so nothing typed is lost on an error. */
export function ConsultationForm({ view, lastResult }: { view: ConsultationView; lastResult: unknown }) {
  const [form, fields] = useGovukForm("consultation", consultationSchema, lastResult);
  return (
    <>
      <ErrorSummary form={form} order={CONSULTATION_ORDER} />
      <span className="govuk-caption-l">
        {view.authorityName}, application {view.reference}
      </span>
      <h1 className="govuk-heading-l">Absence from school for a performance: the school's view</h1>
      <p className="govuk-body">
        {view.production.organisationName} has applied to {view.authorityName} for a licence for {view.child.name}
        {view.schoolName ? `, a pupil at ${view.schoolName},` : ""} to take part in a performance.
      </p>
      <InsetText>
        The council decides whether to grant the licence. It must consider the school's view and answer any objection in its decision. Only the head teacher,
        or someone they authorise, can answer.
      </InsetText>
      <ConsultationDetails view={view} />
      <PostForm form={getFormProps(form)}>
        <Radios
          field={fields.response}
          legend="Do you consent to the absence?"
          options={[
            { value: "consent", label: "Yes, the school consents" },
            {
              value: "object",
              label: "No, the school objects",
              conditional: (
                <>
                  <Checkboxes
                    field={fields.grounds}
                    legend="On what grounds does the school object?"
                    hint="Select all that apply"
                    small
                    options={OBJECTION_GROUNDS.map((g) => ({ value: g, label: GROUND_LABELS[g].label, hint: GROUND_LABELS[g].hint }))}
                  />
                  <Textarea field={fields.reasons} label="The school's reasons" hint="The council's licensing officer reads these. Give the facts they need to decide." />
                </>
              ),
            },
          ]}
        />
        <TextInput field={fields.name} label="Name of the head teacher or the person they have authorised" autoComplete="name" spellCheck={false} />
        <Button>Send the school's answer</Button>
      </PostForm>
    </>
  );
}

/** A recorded answer, shown in full to the school's own account. */
export function AnswerSummary({ answer }: { answer: ConsultationAnswer }) {
  const object = answer.response === "object";
  return (
    <SummaryList
      rows={[
        { key: "Answer", value: object ? "The school objects" : "The school consents" },
        ...(object
          ? [
              { key: "Grounds", value: answer.grounds.map((g) => GROUND_LABELS[g as keyof typeof GROUND_LABELS]?.label ?? g).join(", ") },
              { key: "Reasons", value: <span className="app-pre-line">{answer.reasons}</span> },
            ]
          : []),
        { key: "Answered by", value: answer.respondedByName },
        { key: "Answered on", value: formatLong(answer.respondedAt) },
      ]}
    />
  );
}
