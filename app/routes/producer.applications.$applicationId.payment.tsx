import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getProducerApplication, saveProducerPayment } from "~/domain/licences-producer.server";
import { PRODUCER_TEXT_MAX } from "~/domain/licences/producerRules";
import { detailsWhenYes, EVEN_WITH_OTHER_ERRORS, optionalText, yesNo, yesNoValue } from "~/forms/chaperone";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Radios, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Payment" };

const schema = z
  .object({
    paid: yesNo("Select yes if the child is paid more than expenses"),
    paymentDetails: optionalText(PRODUCER_TEXT_MAX, `Payment details must be ${PRODUCER_TEXT_MAX} characters or fewer`),
  })
  .superRefine(detailsWhenYes("paid", "paymentDetails", "Enter how much the child is paid and how"), EVEN_WITH_OTHER_ERRORS);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? ""));
  if (!view.application.editable) throw redirect(`/producer/applications/${view.application.id}`);
  const a = view.application;
  return json({
    applicationId: a.id,
    child: view.child,
    production: view.production,
    saved: { paid: yesNoValue(a.paid ?? view.production.paid), paymentDetails: a.paymentDetails ?? undefined },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  return submitForm(
    formData,
    schema,
    (v) => saveProducerPayment(db(), actor, params.applicationId ?? "", { paid: v.paid === "yes", details: v.paymentDetails ?? "" }),
    () => redirect(`/producer/applications/${params.applicationId}?saved=payment`),
  );
}

export default function Payment() {
  const { applicationId, child, production, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("payment", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/applications/${applicationId}`}>{child.name}'s licence application</BackLink>
        <ErrorSummary form={form} order={["paid", "paymentDetails"]} />
        <span className="govuk-caption-l">
          {child.name} – {production.title}
        </span>
        <PostForm form={getFormProps(form)}>
          <Radios
            field={fields.paid}
            legend={`Is ${child.firstName} paid more than expenses?`}
            hint={`We have filled this in from the production's details: ${production.paid ? "children are paid" : "children are not paid"}.`}
            isPageHeading
            options={[
              {
                value: "yes",
                label: "Yes",
                conditional: <Textarea field={fields.paymentDetails} label="How much is the child paid, and how?" hint="For example, £40 a performance, paid into a trust account" rows={3} />,
              },
              { value: "no", label: "No" },
            ]}
          />
          <Button>Save and continue</Button>
        </PostForm>
      </div>
    </div>
  );
}
