import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EXEMPTION_BASES } from "#db/schema/children";
import { formatDay } from "~/domain/calendar/dates";
import { RuleError } from "~/domain/errors";
import { EXEMPTION_RULES } from "~/domain/exemptions/rules";
import { EXEMPTION_BASIS_LABELS, MAX_DATES_PER_RECORDING } from "~/domain/exemptions/labels";
import { getExemptRecordingForm, recordExemptPerformances } from "~/domain/exemptions.server";
import { dispatchEmails } from "~/domain/notifications.server";
import { parseDateParts } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, toResponse } from "~/server/forms.server";
import { BackLink, Button, Tag } from "~/ui/govuk/components";
import { Checkboxes, DateInput, Radios } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Record exempt performances" };

const slots = Array.from({ length: MAX_DATES_PER_RECORDING }, (_, i) => i);
const dateFields = Object.fromEntries(slots.flatMap((i) => ["Day", "Month", "Year"].map((p) => [`date${i}${p}`, z.string().max(10).optional()])));

const schema = z
  .object({
    childIds: z.array(z.string().max(64), { error: "Select the children taking part" }).min(1, { error: "Select the children taking part" }),
    basis: z.enum(EXEMPTION_BASES, { error: "Select which exemption applies" }),
    absence: z.enum(["yes", "no"], { error: "Select yes if any of the children will miss school" }),
    dateCount: z.coerce.number().int().min(1).max(MAX_DATES_PER_RECORDING).default(1),
    ...dateFields,
  })
  .superRefine((value, ctx) => {
    const parts = value as Record<string, unknown>;
    let any = false;
    for (const i of slots.slice(0, value.dateCount)) {
      const [d, m, y] = ["Day", "Month", "Year"].map((p) => parts[`date${i}${p}`]);
      if (!d && !m && !y) continue;
      any = true;
      const parsed = parseDateParts(d, m, y, `date ${i + 1}`);
      if ("error" in parsed) ctx.addIssue({ code: "custom", path: [`date${i}Day`], message: parsed.error });
    }
    if (!any) ctx.addIssue({ code: "custom", path: ["date0Day"], message: "Enter at least one performance date" });
  });

/** Accepts anything, so "Add another date" can echo what was typed without showing errors yet. */
const anything = z.looseObject({});

const datesFrom = (value: Record<string, unknown>, count: number) =>
  slots.slice(0, count).flatMap((i) => {
    const parsed = parseDateParts(value[`date${i}Day`], value[`date${i}Month`], value[`date${i}Year`], "date");
    return "iso" in parsed ? [parsed.iso] : [];
  });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  return json(await guard(getExemptRecordingForm(db(), actor, params.productionId!)));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  const count = Math.min(Math.max(Number(formData.get("dateCount")) || 1, 1), MAX_DATES_PER_RECORDING);
  if (formData.get("intent") === "add-date") {
    const echo = parseWithZod(formData, { schema: anything });
    return json({ result: echo.reply(), dateCount: Math.min(count + 1, MAX_DATES_PER_RECORDING), outcomes: null });
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return json({ result: submission.reply(), dateCount: count, outcomes: null }, { status: 400 });
  const v = submission.value;
  try {
    const outcome = await recordExemptPerformances(
      db(),
      actor,
      {
        productionId: params.productionId!,
        childIds: v.childIds,
        basis: v.basis,
        absenceFromSchool: v.absence === "yes",
        dates: datesFrom(v as Record<string, unknown>, v.dateCount),
      },
      context.baseUrl,
    );
    if (!outcome.recorded) {
      const refused = outcome.outcomes.filter((o) => !o.ok);
      const who = refused.length === 1 ? `${refused[0].name} cannot` : `${refused.length} children cannot`;
      const message = `${who} perform under this exemption on these dates. Untick them or apply for a licence`;
      return json({ result: submission.reply({ fieldErrors: { childIds: [message] } }), dateCount: v.dateCount, outcomes: outcome.outcomes }, { status: 400 });
    }
    await dispatchEmails(outcome.outboxIds);
    return redirect(`/producer/productions/${params.productionId}/exempt-performances?recorded=${outcome.documents.length}`);
  } catch (error) {
    if (error instanceof RuleError) {
      const { "": formErrors = [], ...fieldErrors } = error.fieldErrors;
      return json({ result: submission.reply({ formErrors, fieldErrors }), dateCount: v.dateCount, outcomes: null }, { status: 400 });
    }
    return toResponse(error);
  }
}

const BASIS_HINTS = {
  "four-day-rule": `No payment beyond expenses, and each child has performed on no more than ${EXEMPTION_RULES["EXEMPT-4DAY"].maxEarlierDays} other days in the 6 months before each date`,
  bopa: "Your organisation holds a body of persons approval from the council where the performances take place, and no child is paid",
  school: "The performance is arranged by the children's school (not a dance or stage school), and no child is paid",
} as const;

export default function RecordExemptPerformances() {
  const { production, organisationName, hostName, bopaReference, cast } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useGovukForm("exempt", schema, data?.result);
  const dateCount = data?.dateCount ?? 1;
  const order = ["childIds", "basis", "absence", ...slots.slice(0, dateCount).map((i) => `date${i}Day`)];
  const field = (name: string) => (fields as unknown as Record<string, Parameters<typeof DateInput>[0]["day"]>)[name];
  const back = `/producer/productions/${production.id}`;

  return (
    <>
      <BackLink to={back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={order} />
          <span className="govuk-caption-l">{production.title}</span>
          <h1 className="govuk-heading-l">Record exempt performances</h1>
          <p className="govuk-body">
            Children can take part without a licence only when an exemption applies. We check each child against their performance record in every
            council area before anything is recorded. Each child's parent and home council are told, and you get an exemption record for each child.
          </p>
          {data?.outcomes ? <Outcomes outcomes={data.outcomes} /> : null}
          {cast.length === 0 ? (
            <p className="govuk-body">
              No children have been added to this production yet.{" "}
              <Link className="govuk-link" to={`${back}/add-child`}>
                Add a child with a share code
              </Link>
              .
            </p>
          ) : (
            <PostForm form={getFormProps(form)}>
              <input type="hidden" name="dateCount" value={dateCount} />
              <Checkboxes
                field={fields.childIds}
                legend="Which children are taking part?"
                hint="Select all that apply"
                options={cast.map((c) => ({ value: c.id, label: c.name, hint: `Age ${c.age} on ${formatDay(production.firstDate)}` }))}
              />
              <Radios
                field={fields.basis}
                legend="Which exemption applies?"
                options={EXEMPTION_BASES.map((b) => ({
                  value: b,
                  label: EXEMPTION_BASIS_LABELS[b],
                  hint:
                    b === "bopa"
                      ? bopaReference
                        ? `${BASIS_HINTS.bopa}. Your approval ${bopaReference} from ${hostName} covers this production's dates`
                        : `${BASIS_HINTS.bopa}. ${organisationName} does not hold a current approval from ${hostName} covering all of this production's dates`
                      : BASIS_HINTS[b],
                }))}
              />
              <Radios
                field={fields.absence}
                legend="Will any of the children need time off school for these performances?"
                options={[
                  { value: "yes", label: "Yes" },
                  { value: "no", label: "No" },
                ]}
              />
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Performance dates</legend>
                <p className="govuk-hint">
                  Between {formatDay(production.firstDate)} and {formatDay(production.lastDate)}. Include rehearsal days. For example, 14 3 2027
                </p>
                {slots.slice(0, dateCount).map((i) => (
                  <DateInput
                    key={i}
                    id={`date${i}`}
                    legend={`Date ${i + 1}`}
                    day={field(`date${i}Day`)}
                    month={field(`date${i}Month`)}
                    year={field(`date${i}Year`)}
                  />
                ))}
                {dateCount < MAX_DATES_PER_RECORDING ? (
                  <button type="submit" name="intent" value="add-date" formNoValidate className="govuk-button govuk-button--secondary" data-module="govuk-button">
                    Add another date
                  </button>
                ) : null}
              </fieldset>
              <Button>Check and record</Button>
            </PostForm>
          )}
        </div>
      </div>
    </>
  );
}

type Outcome = { childId: string; name: string; ok: boolean; result: { reasons: { rule: string; message: string }[] } };

/** Each child's check: who can perform under the exemption and, for the others, why not. */
function Outcomes({ outcomes }: { outcomes: Outcome[] }) {
  return (
    <div id="results">
      <h2 className="govuk-heading-m">Results of the check</h2>
      <p className="govuk-body">Nothing has been recorded yet.</p>
      {outcomes.map((o) => (
        <div key={o.childId} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{o.name}</h3>
            {o.ok ? <Tag colour="green">Exemption applies</Tag> : <Tag colour="red">Needs a licence</Tag>}
          </div>
          <div className="govuk-summary-card__content">
            <ul className="govuk-list govuk-list--bullet">
              {o.result.reasons.map((r) => (
                <li key={r.rule + r.message}>
                  {r.message} <span className="govuk-hint govuk-!-display-inline">({r.rule})</span>
                </li>
              ))}
            </ul>
            {o.ok ? null : (
              <p className="govuk-body">
                {o.name} needs a licence for these dates from the council where they live. Apply at least 21 days before the first performance, or
                choose other dates.
              </p>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
