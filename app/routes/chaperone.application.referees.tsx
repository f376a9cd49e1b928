import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { checkReferees } from "~/domain/chaperones/rules";
import { EVEN_WITH_OTHER_ERRORS } from "~/forms/chaperone";
import { emailAddress, requiredText } from "~/forms/fields";
import { requireEditableApplication, saveSectionAction } from "~/server/chaperone-applicant.server";
import { Caption, QuestionPage, ReturnTo, SaveButton } from "~/ui/chaperones/QuestionPage";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Referees" };

const name = (n: number) => requiredText(`Enter the name of referee ${n}`, 120, "Name must be 120 characters or fewer");
const email = (n: number) => emailAddress(`Enter the email address of referee ${n}`);
const relationship = (n: number) => requiredText(`Enter how referee ${n} knows you`, 200, "How they know you must be 200 characters or fewer");

const schema = z
  .object({
    referee1Name: name(1),
    referee1Email: email(1),
    referee1Relationship: relationship(1),
    referee2Name: name(2),
    referee2Email: email(2),
    referee2Relationship: relationship(2),
  })
  .superRefine((value, ctx) => {
    // The same person twice (checked again on the server, with "not you").
    const referees = [1, 2].map((n) => ({ name: "", email: String(value[`referee${n}Email` as keyof typeof value] ?? "") }));
    for (const finding of checkReferees(referees, "")) ctx.addIssue({ code: "custom", path: [finding.field], message: finding.message });
  }, EVEN_WITH_OTHER_ERRORS);

const ORDER = ["referee1Name", "referee1Email", "referee1Relationship", "referee2Name", "referee2Email", "referee2Relationship"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application, returnTo } = await requireEditableApplication(request, context);
  const saved: Record<string, string> = {};
  for (const r of application.referees) {
    saved[`referee${r.position}Name`] = r.name;
    saved[`referee${r.position}Email`] = r.email;
    saved[`referee${r.position}Relationship`] = r.relationship;
  }
  return json({ returnTo, saved });
}

export const action = (args: ActionFunctionArgs) =>
  saveSectionAction(args, schema, (v) => ({
    section: "referees",
    referees: [
      { name: v.referee1Name, email: v.referee1Email, relationship: v.referee1Relationship },
      { name: v.referee2Name, email: v.referee2Email, relationship: v.referee2Relationship },
    ],
  }));

export default function Referees() {
  const { returnTo, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("referees", schema, useActionData<typeof action>(), saved);
  return (
    <QuestionPage returnTo={returnTo}>
      <ErrorSummary form={form} order={ORDER} />
      <Caption />
      <h1 className="govuk-heading-l">Referees</h1>
      <p className="govuk-body">
        Give the details of 2 people who know you well and can say whether you are suitable to look after children, for example an employer, a teacher or
        someone from a club. They cannot be related to you.
      </p>
      <p className="govuk-body">When you send your application, we will email each of them a link to a short reference form. The link works for 14 days.</p>
      <PostForm form={getFormProps(form)}>
        <ReturnTo returnTo={returnTo} />
        {([1, 2] as const).map((n) => (
          <fieldset key={n} className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
              <h2 className="govuk-fieldset__heading">Referee {n}</h2>
            </legend>
            <TextInput field={fields[`referee${n}Name`]} label="Full name" spellCheck={false} />
            <TextInput field={fields[`referee${n}Email`]} label="Email address" type="email" spellCheck={false} />
            <TextInput field={fields[`referee${n}Relationship`]} label="How do they know you?" hint="For example, my manager at work for 4 years" />
          </fieldset>
        ))}
        <SaveButton />
      </PostForm>
    </QuestionPage>
  );
}
