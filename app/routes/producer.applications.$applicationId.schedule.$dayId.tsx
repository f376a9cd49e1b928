import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatDay } from "~/domain/calendar/dates";
import { RuleError } from "~/domain/errors";
import { getProducerApplication, removeScheduleDay, saveScheduleDay } from "~/domain/licences-producer.server";
import { MAX_PERIODS } from "~/domain/licences/producerRules";
import { dateFields } from "~/forms/chaperone";
import { parseDateParts } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, toResponse } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { DateInput, type Field, Radios, TextInput, type TimeRange, TimeRangesInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";
import { LiveHoursCheck } from "~/ui/licences/LiveHoursCheck";

export const handle = { title: (data: { day?: unknown } | undefined) => (data?.day ? "Change a day" : "Add a day") };

const slots = Array.from({ length: MAX_PERIODS }, (_, i) => i);
const text = z.string().max(20).optional();
const slotFields = Object.fromEntries(
  slots.flatMap((i) => [
    [`performing${i}Start`, text],
    [`performing${i}End`, text],
    [`break${i}Start`, text],
    [`break${i}End`, text],
    [`break${i}Kind`, text],
  ]),
);

// Every rule is checked on the server, which reports all the problems at once.
const schema = z.object({ dateDay: text, dateMonth: text, dateYear: text, kind: text, venueId: z.string().max(36).optional(), arrive: text, depart: text, ...slotFields });

const counted = (value: FormDataEntryValue | number | null, fallback: number) => Math.min(Math.max(Number(value) || fallback, 1), MAX_PERIODS);

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? ""));
  const base = `/producer/applications/${view.application.id}`;
  if (!view.application.editable) throw redirect(base);
  const isNew = params.dayId === "new";
  const day = isNew ? null : view.days.find((d) => d.id === params.dayId);
  if (!isNew && !day) throw new Response("Day not found", { status: 404 });
  return { actor, view, day: day ?? null, base };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, day } = await load(request, context, params);
  const saved: Record<string, string> = {};
  if (day) {
    Object.assign(saved, dateFields("date", day.date), { kind: day.kind, arrive: day.arrive, depart: day.depart });
    if (view.venues.length > 1) saved.venueId = day.venueId;
    day.performing.forEach((p, i) => {
      Object.assign(saved, { [`performing${i}Start`]: p.start, [`performing${i}End`]: p.end });
    });
    day.breaks.forEach((b, i) => {
      Object.assign(saved, { [`break${i}Start`]: b.start, [`break${i}End`]: b.end, [`break${i}Kind`]: b.kind });
    });
  }
  return json({
    applicationId: view.application.id,
    child: { name: view.child.name, firstName: view.child.firstName, dateOfBirth: view.child.dateOfBirth },
    production: view.production,
    // Asked only when the production has more than one venue.
    venues: view.venues.length > 1 ? view.venues : [],
    day: day ? { id: day.id, date: day.date } : null,
    saved,
    performingCount: Math.max(day?.performing.length ?? 0, 1),
    breakCount: Math.max(day?.breaks.length ?? 0, day ? 1 : 2),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, day, base } = await load(request, context, params);
  const intent = formData.get("intent");
  if (intent === "remove" && day) {
    try {
      await removeScheduleDay(db(), actor, params.applicationId!, day.id);
    } catch (error) {
      return toResponse(error);
    }
    return redirect(`${base}/schedule?removed=${day.date}`);
  }
  let performingCount = counted(formData.get("performingCount"), 1);
  let breakCount = counted(formData.get("breakCount"), 1);
  const submission = parseWithZod(formData, { schema });
  if (intent === "add-performing" || intent === "add-break") {
    if (intent === "add-performing") performingCount = counted(performingCount + 1, 1);
    else breakCount = counted(breakCount + 1, 1);
    return json({ result: submission.reply(), performingCount, breakCount });
  }
  if (submission.status !== "success") return json({ result: submission.reply(), performingCount, breakCount }, { status: 400 });
  const v = submission.value as Record<string, string | undefined>;
  const parsed = parseDateParts(v.dateDay, v.dateMonth, v.dateYear, "date");
  const input = {
    date: "iso" in parsed ? parsed.iso : "",
    kind: v.kind ?? "",
    venueId: v.venueId ?? null,
    arrive: v.arrive ?? "",
    depart: v.depart ?? "",
    performing: slots.slice(0, performingCount).map((i) => ({ start: v[`performing${i}Start`] ?? "", end: v[`performing${i}End`] ?? "" })),
    breaks: slots.slice(0, breakCount).map((i) => ({ start: v[`break${i}Start`] ?? "", end: v[`break${i}End`] ?? "", kind: v[`break${i}Kind`] ?? "" })),
  };
  try {
    await saveScheduleDay(db(), actor, params.applicationId!, day?.id ?? null, input);
  } catch (error) {
    if (!(error instanceof RuleError)) return toResponse(error);
    const { "": formErrors = [], ...fieldErrors } = error.fieldErrors;
    if ("error" in parsed) fieldErrors.dateDay = [parsed.error];
    return json({ result: submission.reply({ formErrors, fieldErrors }), performingCount, breakCount }, { status: 400 });
  }
  return redirect(`${base}/schedule?saved=${input.date}#day-${input.date}`);
}

/** Meal or rest, as small inline radios inside the break's fieldset. */
function BreakKind({ field }: { field: Field }) {
  const error = field.errors?.[0];
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? field.errorId : undefined}>
        <legend className="govuk-fieldset__legend">Kind of break</legend>
        {error ? (
          <p id={field.errorId} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-radios govuk-radios--small govuk-radios--inline">
          {(["meal", "rest"] as const).map((kind, index) => {
            const id = index === 0 ? field.id : `${field.id}-${kind}`;
            return (
              <div key={kind} className="govuk-radios__item">
                <input className="govuk-radios__input" id={id} name={field.name} type="radio" value={kind} defaultChecked={field.initialValue === kind} />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {kind === "meal" ? "Meal break" : "Rest break"}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export default function ScheduleDay() {
  const { applicationId, child, production, venues, day, saved, ...initial } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const result = data && "result" in data ? data.result : undefined;
  const [form, fields] = useGovukForm("day", schema, result, saved);
  const performingCount = data && "performingCount" in data ? data.performingCount : initial.performingCount;
  const breakCount = data && "breakCount" in data ? data.breakCount : initial.breakCount;
  const field = (name: string) => (fields as unknown as Record<string, Field>)[name];
  const timeRange = (prefix: string): TimeRange => ({ start: field(`${prefix}Start`), end: field(`${prefix}End`), startLabel: "Start", endLabel: "End" });
  const order = [
    "dateDay",
    "kind",
    "venueId",
    "arrive",
    "depart",
    ...slots.slice(0, performingCount).flatMap((i) => [`performing${i}Start`, `performing${i}End`]),
    ...slots.slice(0, breakCount).flatMap((i) => [`break${i}Start`, `break${i}End`, `break${i}Kind`]),
  ];
  const base = `/producer/applications/${applicationId}`;
  const title = day ? `Change ${formatDay(day.date)}` : "Add a day";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`${base}/schedule`}>Schedule</BackLink>
        <ErrorSummary form={form} order={order} />
        <span className="govuk-caption-l">
          {child.name} – {production.title}
        </span>
        <h1 className="govuk-heading-l">{title}</h1>
        <PostForm form={getFormProps(form)}>
          <input type="hidden" name="performingCount" value={performingCount} />
          <input type="hidden" name="breakCount" value={breakCount} />
          <DateInput
            id="date"
            legend="Date"
            hint={`Between ${formatDay(production.firstDate)} and ${formatDay(production.lastDate)}. For example, 13 3 2027`}
            day={fields.dateDay}
            month={fields.dateMonth}
            year={fields.dateYear}
          />
          <Radios
            field={fields.kind}
            legend={`Is ${child.firstName} performing or rehearsing?`}
            options={[
              { value: "performance", label: "Performing (with any rehearsal that day)" },
              { value: "rehearsal", label: "Rehearsing only" },
            ]}
          />
          {venues.length ? (
            <Radios
              field={fields.venueId}
              legend={`Where is ${child.firstName} on this day?`}
              options={venues.map((v, i) => ({
                value: v.id,
                label: `${v.name}, ${v.postcode}`,
                hint: i === 0 ? `Main venue. ${v.hostAuthorityName}` : v.hostAuthorityName,
              }))}
            />
          ) : null}
          <h2 className="govuk-heading-m">At the venue</h2>
          <p className="govuk-body">Use the 24-hour clock, for example 17:30.</p>
          <TextInput field={fields.arrive} label={`Time ${child.firstName} arrives`} width="5" inputMode="numeric" />
          <TextInput field={fields.depart} label={`Time ${child.firstName} leaves`} width="5" inputMode="numeric" />
          <h2 className="govuk-heading-m">Performing or rehearsing</h2>
          <p className="govuk-body">Each period {child.firstName} is on stage, filming or rehearsing. Leave a period blank to remove it.</p>
          {slots.slice(0, performingCount).map((i) => (
            <TimeRangesInput key={i} id={`${field(`performing${i}Start`).id}-period`} legend={`Period ${i + 1}`} ranges={[timeRange(`performing${i}`)]} />
          ))}
          {performingCount < MAX_PERIODS ? (
            <button type="submit" name="intent" value="add-performing" formNoValidate className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Add another period
            </button>
          ) : null}
          <h2 className="govuk-heading-m">Breaks</h2>
          <p className="govuk-body">Meal and rest breaks, when {child.firstName} is not performing or rehearsing. Leave a break blank to remove it.</p>
          {slots.slice(0, breakCount).map((i) => (
            <TimeRangesInput key={i} id={`${field(`break${i}Start`).id}-period`} legend={`Break ${i + 1}`} ranges={[timeRange(`break${i}`)]}>
              <BreakKind field={field(`break${i}Kind`)} />
            </TimeRangesInput>
          ))}
          {breakCount < MAX_PERIODS ? (
            <button type="submit" name="intent" value="add-break" formNoValidate className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Add another break
            </button>
          ) : null}
          <LiveHoursCheck formId={form.id} dateOfBirth={child.dateOfBirth} slots={slots} />
          <div>
            <Button>Save day</Button>
          </div>
        </PostForm>
        {day ? (
          <PostForm>
            <input type="hidden" name="intent" value="remove" />
            <Button warning>Remove this day</Button>
          </PostForm>
        ) : null}
      </div>
    </div>
  );
}
