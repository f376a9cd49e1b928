import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getProducerApplication, saveNightWorkReasons } from "~/domain/licences-producer.server";
import { PRODUCER_TEXT_MAX } from "~/domain/licences/producerRules";
import { requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Reasons for night work" };

const schema = z.object({
  nightWorkReasons: requiredText("Enter why the child needs to work at these times", PRODUCER_TEXT_MAX, `The reasons must be ${PRODUCER_TEXT_MAX} characters or fewer`),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? ""));
  if (!view.application.editable) throw redirect(`/producer/applications/${view.application.id}`);
  return json({ applicationId: view.application.id, child: view.child, production: view.production, nightWork: view.nightWork, reasons: view.application.nightWorkReasons });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  return submitForm(
    formData,
    schema,
    (v) => saveNightWorkReasons(db(), actor, params.applicationId ?? "", v.nightWorkReasons),
    () => redirect(`/producer/applications/${params.applicationId}/schedule?reasons=1`),
  );
}

export default function NightWork() {
  const { applicationId, child, production, nightWork, reasons } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("night-work", schema, useActionData<typeof action>(), { nightWorkReasons: reasons ?? undefined });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/applications/${applicationId}/schedule`}>Schedule</BackLink>
        <ErrorSummary form={form} order={["nightWorkReasons"]} />
        <span className="govuk-caption-l">
          {child.name} – {production.title}
        </span>
        <h1 className="govuk-heading-l">Reasons for night work</h1>
        <p className="govuk-body">
          Work before the earliest or after the latest time for {child.firstName}'s age needs the council's express permission on the licence
          (HOURS-NIGHT). After night work {child.firstName} must have a 16-hour break before arriving again.
        </p>
        {nightWork.length ? (
          <ul className="govuk-list govuk-list--bullet">
            {nightWork.map((f) => (
              <li key={f.date + f.message}>{f.message}</li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">The schedule has no night work at the moment.</p>
        )}
        <PostForm form={getFormProps(form)}>
          <Textarea field={fields.nightWorkReasons} label="Why does the child need to work at these times?" hint="The council reads this when it decides" />
          <Button>Save reasons</Button>
        </PostForm>
      </div>
    </div>
  );
}
