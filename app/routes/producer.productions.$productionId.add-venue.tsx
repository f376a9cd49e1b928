import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAuthorities } from "~/domain/chaperones.server";
import { isPostcode } from "~/domain/children/rules";
import { addProductionVenue, getProduction, PRODUCTION_TEXT_MAX } from "~/domain/productions.server";
import { requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Radios, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Add another venue" };

const schema = z.object({
  venueName: requiredText("Enter the name of the venue", PRODUCTION_TEXT_MAX, `The name of the venue must be ${PRODUCTION_TEXT_MAX} characters or fewer`),
  venuePostcode: requiredText("Enter the venue's postcode", 10, "Enter a full UK postcode, like NM1 2AB").refine(isPostcode, { error: "Enter a full UK postcode, like NM1 2AB" }),
  hostAuthorityId: z.string().optional(),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const { production } = await guard(getProduction(db(), actor, params.productionId ?? ""));
  return json({ id: production.id, title: production.title, councils: await listAuthorities(db()) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await addProductionVenue(db(), actor, params.productionId ?? "", submission.value);
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/producer/productions/${params.productionId}?venue=1`);
}

export default function AddVenue() {
  const { id, title, councils } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("add-venue", schema, useActionData<typeof action>());
  const askCouncil = !!fields.hostAuthorityId.errors?.length || !!fields.hostAuthorityId.initialValue;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/productions/${id}`}>{title}</BackLink>
        <ErrorSummary form={form} order={["venueName", "venuePostcode", "hostAuthorityId"]} />
        <span className="govuk-caption-l">{title}</span>
        <h1 className="govuk-heading-l">Add another venue</h1>
        <p className="govuk-body">
          Add each place where children rehearse or perform. When you fill in a child's schedule you say which venue they are at on each day.
        </p>
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.venueName} label="Name of the venue" />
          <TextInput field={fields.venuePostcode} label="Venue postcode" width="10" spellCheck={false} hint="The council for the venue's area is worked out from it" />
          {askCouncil ? (
            <Radios
              field={fields.hostAuthorityId}
              legend="Which council is the venue in?"
              hint="We could not tell from the postcode"
              options={councils.map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null}
          <Button>Add venue</Button>
        </PostForm>
      </div>
    </div>
  );
}
