import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { saveEmployerPart } from "~/domain/employment-employer.server";
import {
  DAY_NAMES,
  DAYS,
  PATTERN_FIELDS,
  PATTERN_WEEK_TITLES,
  PATTERN_WEEKS,
  type PatternWeek,
  patternToFields,
  readPatternFields,
  SHIFTS_PER_DAY,
  shiftField,
} from "~/domain/employment/patternForm";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { cameFromCheck, loadEmployerPermit, permitRuleOptions } from "~/server/permit-application.server";
import { BackLink, Button, InsetText, NotificationBanner, WarningText } from "~/ui/govuk/components";
import { TimeRangesInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";
import { Findings } from "~/ui/permit-application/Findings";
import { isOccupation, standInDateOfBirth } from "~/domain/employment/application";
import { LivePatternCheck } from "~/ui/permit-application/LivePatternCheck";

export const handle = { title: (data: { week?: PatternWeek } | undefined) => PATTERN_WEEK_TITLES[data?.week ?? "term"] };

const schema = z.object(Object.fromEntries(PATTERN_FIELDS.map((name) => [name, z.string().optional()]))).superRefine((value, ctx) => {
  for (const [path, message] of Object.entries(readPatternFields(value).errors)) ctx.addIssue({ code: "custom", path: [path], message });
});

const ORDINAL_SHIFTS = ["First", "Second"];

const INTRO: Record<PatternWeek, string> = {
  term: "A usual week during school term. On weekdays the child is at school from about 08:45 to 15:15.",
  holiday: "A usual week during the school holidays.",
};

function weekOf(params: { week?: string }): PatternWeek {
  if (!(PATTERN_WEEKS as readonly string[]).includes(params.week ?? "")) throw new Response("Not found", { status: 404 });
  return params.week as PatternWeek;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const week = weekOf(params);
  const { view, base } = await loadEmployerPermit(request, context, params, { editable: true });
  const fromCheck = cameFromCheck(request);
  const saved = new URL(request.url).searchParams.has("saved");
  return json({
    week,
    base,
    fromCheck,
    saved,
    back: fromCheck ? `${base}/submit` : week === "holiday" ? `${base}/hours/term` : base,
    // this week's findings, and any about the job itself (a prohibited occupation)
    findings: view.findings.filter((f) => !f.pattern || f.pattern === week),
    standIn: view.checkedForStandIn,
    childFirstName: view.child?.firstName ?? null,
    hasStartDate: !!view.employer.startDate,
    next: fromCheck ? `${base}/submit` : week === "term" ? `${base}/hours/holiday` : `${base}?saved=hours`,
    values: patternToFields(week === "term" ? view.employer.termPattern : view.employer.holidayPattern),
    // for checking the hours in the browser as they are typed (the server checks them again on saving)
    check:
      view.employer.startDate && isOccupation(view.employer.occupation)
        ? {
            dateOfBirth: view.child?.dateOfBirth ?? standInDateOfBirth(view.employer.startDate),
            occupation: view.employer.occupation,
            startDate: view.employer.startDate,
            options: view.checkOptions,
          }
        : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const week = weekOf(params);
  const { actor } = await requireCapability(request, context, "employer:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const base = `/employer/permits/${params.permitId}`;
  let findings: { pattern?: string }[];
  try {
    ({ findings } = await saveEmployerPart(
      db(),
      actor,
      params.permitId ?? "",
      { section: "hours", week, pattern: readPatternFields(submission.value).pattern },
      { rules: permitRuleOptions() },
    ));
  } catch (error) {
    return replyWithError(submission, error);
  }
  const fromCheck = cameFromCheck(request) ? "&from=check" : "";
  // hours that break the rules: back to the page, which shows why
  if (findings.some((f) => f.pattern === week)) return redirect(`${base}/hours/${week}?saved=1${fromCheck}`);
  if (fromCheck) return redirect(`${base}/submit`);
  return redirect(week === "term" ? `${base}/hours/holiday` : `${base}?saved=hours`);
}

export default function Hours() {
  const data = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm(`hours-${data.week}`, schema, useActionData<typeof action>(), data.values);
  const title = PATTERN_WEEK_TITLES[data.week];
  const breaks = data.findings.length > 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={data.back} />
        <ErrorSummary form={form} order={PATTERN_FIELDS} />
        {data.saved && !breaks ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">The hours have been saved</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">Employment permit application</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {breaks ? (
          <>
            <WarningText>
              {data.saved ? "The hours have been saved, but they" : "These hours"} break the employment rules
              {data.standIn ? " for a child of 14" : data.childFirstName ? ` for ${data.childFirstName}` : ""}. You cannot send the application until you
              change them.
            </WarningText>
            <Findings findings={data.findings} caption="What breaks the rules" />
          </>
        ) : null}
        <p className="govuk-body">{INTRO[data.week]}</p>
        <p className="govuk-body">
          For each day, give the times the child starts and finishes work, using the 24-hour clock, like 07:00 or 16:30. Leave a day blank if the child does
          not work that day. If the child has a break of an hour or more, enter two shifts.
        </p>
        {data.hasStartDate ? null : <InsetText>Add the job's start date first: the hours are checked against the rules for the child's age on that date.</InsetText>}
        <PostForm form={getFormProps(form)}>
          {DAYS.map((day) => (
            <TimeRangesInput
              key={day}
              id={`${form.id}-${day}`}
              legend={DAY_NAMES[day]}
              ranges={Array.from({ length: SHIFTS_PER_DAY }, (_, i) => ({
                start: fields[shiftField(day, i + 1, "start")],
                end: fields[shiftField(day, i + 1, "end")],
                startLabel: `${ORDINAL_SHIFTS[i]} shift starts`,
                endLabel: `${ORDINAL_SHIFTS[i]} shift ends`,
              }))}
            />
          ))}
          {data.check ? <LivePatternCheck formId={form.id} week={data.week} check={data.check} /> : null}
          <Button>Save and continue</Button>
        </PostForm>
        {data.saved && breaks ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={data.next}>
              Continue without changing these hours
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
