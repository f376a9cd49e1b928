import { getFormProps } from "@conform-to/react";
import { z } from "zod";
import { OBJECTION_GROUNDS, SCHOOL_RESPONSES } from "#db/schema/licences";
import { formatDay, formatDate, formatMomentDate } from "~/domain/calendar/dates";
import { WEEKDAYS, type WeekPattern } from "#db/schema/employment";
import { WEEKDAY_NAMES } from "~/domain/employment/pattern";
import { ANSWER_MESSAGES, type ConsultationKind, kindOf } from "~/domain/schools/answerWords";
import type { ConsultationAnswer, ConsultationView } from "~/domain/schools/consultationView";
import { EVEN_WITH_OTHER_ERRORS, optionalText } from "~/forms/chaperone";
import { requiredText } from "~/forms/fields";
import { Button, InsetText, SummaryList, Table, Tag } from "~/ui/govuk/components";
import { Checkboxes, Radios, Textarea, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

/** The school's answer (SCHOOL-*), by emailed link or school account: one schema a kind, checked again by answerConsultation. */
function consultationSchemaFor(kind: ConsultationKind) {
  const m = ANSWER_MESSAGES[kind];
  return z
    .object({
      response: z.enum(SCHOOL_RESPONSES, { error: m.response }),
      grounds: z.array(z.enum(OBJECTION_GROUNDS, { error: m.grounds })).optional(),
      reasons: optionalText(5000, "Your reasons must be 5000 characters or fewer"),
      name: requiredText("Enter the name of the head teacher or the person they have authorised", 200, "The name must be 200 characters or fewer"),
    })
    .superRefine((v, ctx) => {
      if (v.response !== "object") return;
      if (!v.grounds?.length) ctx.addIssue({ code: "custom", path: ["grounds"], message: m.grounds });
      if (!v.reasons) ctx.addIssue({ code: "custom", path: ["reasons"], message: m.reasons });
    }, EVEN_WITH_OTHER_ERRORS);
}

/** The schema for a posted answer, by the form's hidden `kind`. */
export const consultationSchemaForForm = (formData: FormData) => consultationSchemaFor(kindOf(formData.get("kind")));

const CONSULTATION_ORDER = ["response", "grounds", "reasons", "name"];

const GROUND_LABELS: Record<(typeof OBJECTION_GROUNDS)[number], { label: string; hint: string }> = {
  education: { label: "Education", hint: "The child's education would suffer" },
  health: { label: "Health", hint: "The child is not fit to take part, or it would harm their health" },
  welfare: { label: "Welfare", hint: "A concern about the child's welfare or kind treatment" },
};
const PERMIT_GROUND_LABELS: typeof GROUND_LABELS = {
  education: { label: "Attendance or education", hint: "The child's attendance or schoolwork would suffer" },
  health: { label: "Health", hint: "The work would harm the child's health, or they are not fit for it" },
  welfare: { label: "Welfare", hint: "A concern about the child's welfare" },
};

/** A week's hours, a row a day; days not worked say so. */
const hoursRows = (pattern: WeekPattern | null) =>
  WEEKDAYS.map((d) => [WEEKDAY_NAMES[d], pattern?.[d]?.length ? pattern[d].map((s) => `${s.start} to ${s.end}`).join(", ") : "Not working"]);

/** A day (YYYY-MM-DD) or the day in London of a timestamp, as "14 March 2026". */
export const formatLong = (value: string) => (value.length === 10 ? formatDate(value) : formatMomentDate(value));

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
  const due = {
    key: "Answer due by",
    value: answered ? (
      formatDay(view.dueOn)
    ) : (
      <>
        {formatDay(view.dueOn)} <Tag colour={view.clock.overdue ? "red" : view.timeLeft === "Due today" ? "orange" : "blue"}>{view.timeLeft}</Tag>
      </>
    ),
  };
  if (view.kind === "permit") {
    return (
      <>
        <h2 className="govuk-heading-m">The child</h2>
        <SummaryList
          rows={[
            { key: "Name", value: view.child.name },
            { key: "Date of birth", value: formatLong(view.child.dateOfBirth) },
          ]}
        />
        <h2 className="govuk-heading-m">The job</h2>
        <SummaryList
          rows={[
            { key: "Employer", value: view.job.employer },
            { key: "Job", value: view.job.occupation },
            ...(view.job.description ? [{ key: "What the child does", value: view.job.description }] : []),
            { key: "Workplace", value: view.job.workplace },
            { key: "Starts", value: view.job.startDate ? formatLong(view.job.startDate) : "Not given" },
            due,
          ]}
        />
        <Table caption="Usual hours in term time" head={["Day", "Hours"]} rows={hoursRows(view.job.termPattern)} />
        <Table caption="Usual hours in the school holidays" head={["Day", "Hours"]} rows={hoursRows(view.job.holidayPattern)} />
      </>
    );
  }
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
          due,
        ]}
      />
    </>
  );
}

/** The consent-or-object (or concern) form; `lastResult` is the action's reply, so nothing typed is lost on an error. */
export function ConsultationForm({ view, lastResult }: { view: ConsultationView; lastResult: unknown }) {
  const kind = view.kind;
  const [form, fields] = useGovukForm("consultation", consultationSchemaFor(kind), lastResult);
  const permit = kind === "permit";
  const grounds = permit ? PERMIT_GROUND_LABELS : GROUND_LABELS;
  return (
    <>
      <ErrorSummary form={form} order={CONSULTATION_ORDER} />
      <span className="govuk-caption-l">
        {view.authorityName}, application {view.reference}
      </span>
      <h1 className="govuk-heading-l">{ANSWER_MESSAGES[kind].title}</h1>
      {view.kind === "permit" ? (
        <>
          <p className="govuk-body">
            {view.job.employer} and {view.child.name}'s parent have applied to {view.authorityName} for a permit for {view.child.name}
            {view.schoolName ? `, a pupil at ${view.schoolName},` : ""} to work part-time.
          </p>
          <InsetText>
            The council decides whether to grant the permit and may refuse or later revoke it if the child's attendance, health or welfare suffers. Tell it
            now if the school has a concern. Only the head teacher, or someone they authorise, can answer.
          </InsetText>
        </>
      ) : (
        <>
          <p className="govuk-body">
            {view.production.organisationName} has applied to {view.authorityName} for a licence for {view.child.name}
            {view.schoolName ? `, a pupil at ${view.schoolName},` : ""} to take part in a performance.
          </p>
          <InsetText>
            The council decides whether to grant the licence. It must consider the school's view and answer any objection in its decision. Only the head
            teacher, or someone they authorise, can answer.
          </InsetText>
        </>
      )}
      <ConsultationDetails view={view} />
      <PostForm form={getFormProps(form)}>
        <input type="hidden" name="kind" value={kind} />
        <Radios
          field={fields.response}
          legend={permit ? "Does the school have a concern about the child working?" : "Do you consent to the absence?"}
          options={[
            { value: "consent", label: permit ? "No, the school has no concern" : "Yes, the school consents" },
            {
              value: "object",
              label: permit ? "Yes, the school has a concern" : "No, the school objects",
              conditional: (
                <>
                  <Checkboxes
                    field={fields.grounds}
                    legend={permit ? "What is the concern about?" : "On what grounds does the school object?"}
                    hint="Select all that apply"
                    small
                    options={OBJECTION_GROUNDS.map((g) => ({ value: g, label: grounds[g].label, hint: grounds[g].hint }))}
                  />
                  <Textarea
                    field={fields.reasons}
                    label={permit ? "The school's concern" : "The school's reasons"}
                    hint="The council's licensing officer reads these. Give the facts they need to decide."
                  />
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
export function AnswerSummary({ answer, kind = "performance" }: { answer: ConsultationAnswer; kind?: ConsultationKind }) {
  const object = answer.response === "object";
  const labels = kind === "permit" ? PERMIT_GROUND_LABELS : GROUND_LABELS;
  return (
    <SummaryList
      rows={[
        { key: "Answer", value: kind === "permit" ? (object ? "The school has a concern" : "The school has no concern") : object ? "The school objects" : "The school consents" },
        ...(object
          ? [
              { key: "Grounds", value: answer.grounds.map((g) => labels[g as keyof typeof labels]?.label ?? g).join(", ") },
              { key: "Reasons", value: <span className="app-pre-line">{answer.reasons}</span> },
            ]
          : []),
        { key: "Answered by", value: answer.respondedByName },
        { key: "Answered on", value: formatLong(answer.respondedAt) },
      ]}
    />
  );
}
