import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PRODUCTION_KINDS } from "#db/schema/children";
import { listAuthorities } from "~/domain/chaperones.server";
import { isPostcode } from "~/domain/children/rules";
import { createProduction, listProducerOrganisations, PRODUCTION_TEXT_MAX } from "~/domain/productions.server";
import { PRODUCTION_KIND_LABELS } from "~/domain/productions/labels";
import { EVEN_WITH_OTHER_ERRORS, isoDate, yesNo } from "~/forms/chaperone";
import { dateParts, parseDateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { DateInput, Radios, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Create a production" };

const FIRST = "first date";
const LAST = "last date";

/** The organisation question is asked only of producers in more than one organisation. */
function productionSchema(askOrganisation: boolean) {
  return z
    .object({
      organisationId: askOrganisation ? z.string({ error: "Select the organisation putting on the production" }) : z.string().optional(),
      title: requiredText("Enter the name of the production", PRODUCTION_TEXT_MAX, `The name of the production must be ${PRODUCTION_TEXT_MAX} characters or fewer`),
      kind: z.enum(PRODUCTION_KINDS, { error: "Select the type of production" }),
      paid: yesNo("Select yes if the children are paid more than their expenses"),
      broadcast: yesNo("Select yes if it is filmed or recorded for broadcast or streaming"),
      venueName: requiredText("Enter the name of the venue", PRODUCTION_TEXT_MAX, `The name of the venue must be ${PRODUCTION_TEXT_MAX} characters or fewer`),
      venuePostcode: requiredText("Enter the venue's postcode", 10, "Enter a full UK postcode, like NM1 2AB").refine(isPostcode, { error: "Enter a full UK postcode, like NM1 2AB" }),
      hostAuthorityId: z.string().optional(),
      firstDateDay: z.string().optional(),
      firstDateMonth: z.string().optional(),
      firstDateYear: z.string().optional(),
      lastDateDay: z.string().optional(),
      lastDateMonth: z.string().optional(),
      lastDateYear: z.string().optional(),
    })
    .superRefine(dateParts("firstDate", FIRST), EVEN_WITH_OTHER_ERRORS)
    .superRefine(dateParts("lastDate", LAST), EVEN_WITH_OTHER_ERRORS)
    .superRefine((value: Record<string, unknown>, ctx) => {
      const first = parseDateParts(value.firstDateDay, value.firstDateMonth, value.firstDateYear, FIRST);
      const last = parseDateParts(value.lastDateDay, value.lastDateMonth, value.lastDateYear, LAST);
      if ("iso" in first && "iso" in last && last.iso < first.iso) {
        ctx.addIssue({ code: "custom", path: ["lastDateDay"], message: "The last date must be the same as or after the first date" });
      }
    }, EVEN_WITH_OTHER_ERRORS);
}

const ORDER = ["organisationId", "title", "kind", "paid", "broadcast", "venueName", "venuePostcode", "hostAuthorityId", "firstDateDay", "lastDateDay"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const [organisations, councils] = await Promise.all([listProducerOrganisations(db(), actor), listAuthorities(db())]);
  return json({ organisations, councils });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  const organisations = await listProducerOrganisations(db(), actor);
  const submission = parseWithZod(formData, { schema: productionSchema(organisations.length > 1) });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  let productionId: string;
  try {
    ({ productionId } = await createProduction(db(), actor, {
      organisationId: organisations.length > 1 ? (v.organisationId ?? "") : (organisations[0]?.id ?? ""),
      title: v.title,
      kind: v.kind,
      paid: v.paid === "yes",
      broadcast: v.broadcast === "yes",
      venueName: v.venueName,
      venuePostcode: v.venuePostcode,
      hostAuthorityId: v.hostAuthorityId,
      firstDate: isoDate(v, "firstDate", FIRST),
      lastDate: isoDate(v, "lastDate", LAST),
    }));
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/producer/productions/${productionId}?created=1`);
}

export default function NewProduction() {
  const { organisations, councils } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("production", productionSchema(organisations.length > 1), lastResult);
  const askCouncil = !!fields.hostAuthorityId.errors?.length || !!fields.hostAuthorityId.initialValue;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/producer">Your productions</BackLink>
        <ErrorSummary form={form} order={ORDER} />
        <h1 className="govuk-heading-l">Create a production</h1>
        <PostForm form={getFormProps(form)}>
          {organisations.length > 1 ? (
            <Radios field={fields.organisationId} legend="Which organisation is putting it on?" options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
          ) : null}
          <TextInput field={fields.title} label="Name of the production" hint="For example, the show, film or event's title" />
          <Radios field={fields.kind} legend="What type of production is it?" options={PRODUCTION_KINDS.map((k) => ({ value: k, label: PRODUCTION_KIND_LABELS[k] }))} />
          <Radios
            field={fields.paid}
            legend="Are the children paid more than their expenses?"
            hint="Paying more than expenses means the children need a licence"
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <Radios
            field={fields.broadcast}
            legend="Is it filmed or recorded for broadcast or streaming?"
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <h2 className="govuk-heading-m">Venue</h2>
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
          <h2 className="govuk-heading-m">Dates</h2>
          <DateInput id="firstDate" legend="First date" hint="The first rehearsal or performance, for example, 14 3 2027" day={fields.firstDateDay} month={fields.firstDateMonth} year={fields.firstDateYear} />
          <DateInput id="lastDate" legend="Last date" hint="The last performance" day={fields.lastDateDay} month={fields.lastDateMonth} year={fields.lastDateYear} />
          <Button>Create production</Button>
        </PostForm>
      </div>
    </div>
  );
}
