import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { copySchedule, getProducerApplication } from "~/domain/licences-producer.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button, InsetText } from "~/ui/govuk/components";
import { Checkboxes } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Copy this schedule to other children" };

const schema = z.object({
  applicationIds: z.array(z.string().max(64), { error: "Select the children to copy the schedule to" }).min(1, { error: "Select the children to copy the schedule to" }),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? ""));
  return json({ applicationId: view.application.id, child: view.child, production: view.production, days: view.days.length, group: view.group });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  let copied = 0;
  return submitForm(
    formData,
    schema,
    async (v) => {
      ({ copied } = await copySchedule(db(), actor, params.applicationId ?? "", v.applicationIds));
    },
    () => redirect(`/producer/applications/${params.applicationId}/schedule?copied=${copied}`),
  );
}

export default function CopySchedule() {
  const { applicationId, child, production, days, group } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("copy", schema, useActionData<typeof action>());
  const base = `/producer/applications/${applicationId}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`${base}/schedule`}>Schedule</BackLink>
        <ErrorSummary form={form} order={["applicationIds"]} />
        <span className="govuk-caption-l">
          {child.name} – {production.title}
        </span>
        <h1 className="govuk-heading-l">Copy this schedule to other children</h1>
        {group.length === 0 || days === 0 ? (
          <p className="govuk-body">
            {days === 0 ? "Add a day to the schedule first." : "There are no other children in this production whose applications have not been sent."}{" "}
            <Link className="govuk-link" to={`${base}/schedule`}>
              Back to the schedule
            </Link>
          </p>
        ) : (
          <PostForm form={getFormProps(form)}>
            <InsetText>
              The {days === 1 ? "day" : `${days} days`} in {child.firstName}'s schedule, and any reasons for night work, replace the days of the children you
              select. Who looks after each child stays the same on dates they already had. The hours rules are checked for each child's own age.
            </InsetText>
            <Checkboxes
              field={fields.applicationIds}
              legend="Which children share this schedule?"
              hint="Select all that apply"
              options={group.map((g) => ({ value: g.id, label: g.name }))}
            />
            <Button>Copy schedule</Button>
          </PostForm>
        )}
      </div>
    </div>
  );
}
