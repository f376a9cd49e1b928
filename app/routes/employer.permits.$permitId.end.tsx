import { formatDate } from "~/domain/calendar/dates";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { endEmploymentPermit, getPermitToEnd } from "~/domain/employment-officer.server";
import { dateParts, parseDateParts } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button, Panel, SummaryList } from "~/ui/govuk/components";
import { DateInput, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = {
  title: (d: { permit?: { childName: string; canEnd: boolean } }) =>
    d?.permit ? (d.permit.canEnd ? `Tell the council ${d.permit.childName}'s job has ended` : `${d.permit.childName}'s permit has ended`) : "Tell the council a job has ended",
};

const LABEL = "date the job ended";
const TEXT_MAX = 2000;

const schema = z
  .object({
    endedOnDay: z.string().optional(),
    endedOnMonth: z.string().optional(),
    endedOnYear: z.string().optional(),
    reason: z
      .string()
      .trim()
      .max(TEXT_MAX, { error: `The reason must be ${TEXT_MAX} characters or fewer` })
      .optional(),
  })
  .superRefine(dateParts("endedOn", LABEL), { when: () => true });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "employer:use");
  const permit = await guard(getPermitToEnd(db(), actor, params.permitId ?? ""));
  return json({ permit, done: new URL(request.url).searchParams.has("done") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "employer:use");
  const id = params.permitId ?? "";
  return submitForm(
    formData,
    schema,
    (v) => {
      const parsed = parseDateParts(v.endedOnDay, v.endedOnMonth, v.endedOnYear, LABEL);
      return endEmploymentPermit(db(), actor, id, { endedOn: "iso" in parsed ? parsed.iso : "", reason: v.reason }, context.baseUrl);
    },
    () => redirect(`/employer/permits/${id}/end?done`),
  );
}

export default function EndPermit() {
  const { permit: p, done } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("end-permit", schema, useActionData<typeof action>());

  if (!p.canEnd) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {done && p.status === "ended" ? (
            <>
              <Panel title="The council has been told the job has ended">Permit {p.permitReference ?? p.reference}</Panel>
              <h2 className="govuk-heading-m">What happens next</h2>
              <p className="govuk-body">
                {p.childName}'s permit has ended{p.endsOn ? ` on ${formatDate(p.endsOn)}` : ""} and is marked as no longer valid in {p.authorityName}'s register. We
                have emailed {p.childName}'s parent.
              </p>
              <p className="govuk-body">If {p.childName} starts working for you again, you need to apply for a new permit.</p>
            </>
          ) : (
            <>
              <h1 className="govuk-heading-l">{p.childName}'s permit is not in force</h1>
              <p className="govuk-body">
                The permit's status is {p.statusLabel.toLowerCase()}, so there is nothing to end.
                {p.endsOn && p.status === "ended" ? ` Its last day was ${formatDate(p.endsOn)}.` : ""}
              </p>
            </>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to="/employer">
              Back to your permits
            </Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <>
      <BackLink to={`/employer/permits/${p.id}`}>Back</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={["endedOnDay", "reason"]} />
          <span className="govuk-caption-l">Permit {p.permitReference ?? p.reference}</span>
          <h1 className="govuk-heading-l">Tell the council {p.childName}'s job has ended</h1>
          <SummaryList
            rows={[
              { key: "Child", value: p.childName },
              { key: "Employer", value: p.businessName },
              { key: "Job", value: p.job },
              { key: "Started", value: p.startDate ? formatDate(p.startDate) : "Not given" },
            ]}
          />
          <p className="govuk-body">
            The permit ends on the day you give. {p.authorityName} marks it as no longer valid and we email {p.childName}'s parent. You cannot undo this: if the child
            works for you again you need a new permit.
          </p>
          <PostForm form={getFormProps(form)}>
            <DateInput
              id="endedOn"
              legend="When was the child's last day of work?"
              hint="Today or earlier, for example 27 3 2027"
              day={fields.endedOnDay}
              month={fields.endedOnMonth}
              year={fields.endedOnYear}
            />
            <Textarea field={fields.reason} label="Why did the job end? (optional)" hint="For example, the child left to focus on exams" rows={3} />
            <Button warning>End the permit</Button>
          </PostForm>
        </div>
      </div>
    </>
  );
}
