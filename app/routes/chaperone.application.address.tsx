import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { findAuthorityForPostcode, listAuthorities } from "~/domain/chaperones.server";
import { optionalText } from "~/forms/chaperone";
import { requiredText } from "~/forms/fields";
import { requireEditableApplication, saveSectionAction } from "~/server/chaperone-applicant.server";
import { db } from "~/server/db.server";
import { Caption, QuestionPage, ReturnTo, SaveButton } from "~/ui/chaperones/QuestionPage";
import { Radios, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "What is your address?" };

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

const schema = z.object({
  addressLine1: requiredText("Enter address line 1, typically the building and street", 100, "Address line 1 must be 100 characters or fewer"),
  addressLine2: optionalText(100, "Address line 2 must be 100 characters or fewer"),
  town: requiredText("Enter town or city", 60, "Town or city must be 60 characters or fewer"),
  postcode: requiredText("Enter postcode", 10, "Enter a full UK postcode, like NM1 2AB").refine((v) => POSTCODE.test(v.replace(/\s+/g, " ")), {
    error: "Enter a full UK postcode, like NM1 2AB",
  }),
  authorityId: z.string().optional(),
});

const ORDER = ["addressLine1", "addressLine2", "town", "postcode", "authorityId"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application, returnTo } = await requireEditableApplication(request, context);
  const a = application.answers;
  // The council question appears only when the postcode doesn't tell us the council (and they chose one before).
  const matched = a.postcode ? await findAuthorityForPostcode(db(), a.postcode) : null;
  return json({
    returnTo,
    councils: await listAuthorities(db()),
    chosenCouncil: !!a.authorityId && !matched,
    saved: { addressLine1: a.addressLine1, addressLine2: a.addressLine2, town: a.town, postcode: a.postcode, authorityId: a.authorityId },
  });
}

export const action = (args: ActionFunctionArgs) =>
  saveSectionAction(args, schema, (v) => ({ section: "address", ...v }));

export default function Address() {
  const { returnTo, councils, chosenCouncil, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("address", schema, lastResult, saved);
  const typedCouncil = !!(lastResult?.initialValue as { authorityId?: string } | undefined)?.authorityId;
  const askCouncil = chosenCouncil || typedCouncil || !!fields.authorityId.errors?.length;
  return (
    <QuestionPage returnTo={returnTo}>
      <ErrorSummary form={form} order={ORDER} />
      <Caption />
      <h1 className="govuk-heading-l">What is your address?</h1>
      <p className="govuk-body">You apply to the council for the area where you live.</p>
      <PostForm form={getFormProps(form)}>
        <ReturnTo returnTo={returnTo} />
        <TextInput field={fields.addressLine1} label="Address line 1" autoComplete="address-line1" />
        <TextInput field={fields.addressLine2} label="Address line 2 (optional)" autoComplete="address-line2" />
        <TextInput field={fields.town} label="Town or city" autoComplete="address-level2" width="two-thirds" />
        <TextInput field={fields.postcode} label="Postcode" autoComplete="postal-code" width="10" spellCheck={false} />
        {askCouncil ? (
          <Radios
            field={fields.authorityId}
            legend="Which council do you live in?"
            hint="We could not tell from your postcode. Choose the council you pay council tax to"
            options={councils.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}
        <SaveButton />
      </PostForm>
    </QuestionPage>
  );
}
