import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SUBJECT_ROLES } from "#db/schema/safeguarding";
import { publicActor } from "~/domain/actor";
import { dispatchEmails } from "~/domain/notifications.server";
import { bookedChaperones, concernAuthorities, raiseConcern, reporterCouncil } from "~/domain/safeguarding.server";
import { SUBJECT_ROLE_LABELS } from "~/domain/safeguarding/labels";
import { RuleError } from "~/domain/errors";
import { parseDateParts } from "~/forms/fields";
import { getCurrent } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { limitByAddress } from "~/server/rate-limit.server";
import { BackLink, Button, WarningText } from "~/ui/govuk/components";
import { DateInput, Radios, Select, Textarea, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Tell us about your concern" };

const LABEL = "date it happened";
const text = z.string().optional();

// The rules themselves (what is required, how long, no future dates) are checked once, by raiseConcern, so every
// problem is listed together, the date's included.
const schema = z.object({
    reporterName: text,
    reporterEmail: text,
    reporterPhone: text,
    reporterRelationship: text,
    subjectChaperone: text,
    subjectName: text,
    subjectRole: text,
    subjectOrganisationName: text,
    childName: text,
    productionName: text,
    whatHappened: text,
    happenedOnDay: text,
    happenedOnMonth: text,
    happenedOnYear: text,
    actionTaken: text,
    authorityId: text,
  });

const ORDER = [
  "reporterName",
  "reporterEmail",
  "reporterPhone",
  "reporterRelationship",
  "subjectChaperone",
  "subjectName",
  "subjectRole",
  "subjectOrganisationName",
  "childName",
  "productionName",
  "whatHappened",
  "happenedOnDay",
  "actionTaken",
  "authorityId",
];

async function reporter(request: Request, context: LoaderFunctionArgs["context"]) {
  const current = await getCurrent(request, context);
  return current ? { actor: current.actor, name: current.actor.name, email: current.actor.email } : { actor: publicActor(context.ip), name: null, email: null };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, name, email } = await reporter(request, context);
  const [chaperones, councils, council] = await Promise.all([bookedChaperones(db(), actor), concernAuthorities(db()), reporterCouncil(db(), actor)]);
  return json({ signedIn: name ? { name, email } : null, chaperones, councils, council });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  await limitByAddress(context, "concern", 20);
  const { actor, name, email } = await reporter(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  const date = parseDateParts(v.happenedOnDay, v.happenedOnMonth, v.happenedOnYear, LABEL);
  let result: Awaited<ReturnType<typeof raiseConcern>>;
  try {
    result = await raiseConcern(
      db(),
      actor,
      {
        ...v,
        // a signed-in reporter is who their account says
        reporterName: name ?? v.reporterName ?? "",
        reporterEmail: email ?? v.reporterEmail ?? "",
        reporterRelationship: v.reporterRelationship ?? "",
        subjectRole: v.subjectRole ?? "",
        whatHappened: v.whatHappened ?? "",
        happenedOn: "iso" in date ? date.iso : "",
        authorityId: v.authorityId ?? "",
      },
      context.baseUrl,
    );
  } catch (error) {
    // a date that isn't one gets its own message ("must include a month", "must be a real date")
    if (error instanceof RuleError && "error" in date) error.fieldErrors.happenedOnDay = [date.error];
    return replyWithError(submission, error);
  }
  await dispatchEmails(result.outboxIds);
  return redirect(`/report-a-concern/received?reference=${result.reference}`);
}

export default function ConcernDetails() {
  const { signedIn, chaperones, councils, council } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("concern", schema, useActionData<typeof action>(), council ? { authorityId: council } : undefined);
  const someoneElse = (
    <>
      <TextInput field={fields.subjectName} label="Their name" hint="As much of it as you know" autoComplete="off" />
      <Radios
        field={fields.subjectRole}
        legend="What do they do?"
        small
        options={SUBJECT_ROLES.map((r) => ({ value: r, label: SUBJECT_ROLE_LABELS[r] }))}
      />
      <TextInput field={fields.subjectOrganisationName} label="Who do they work for? (optional)" hint="For example, the production company, theatre or business" autoComplete="off" />
    </>
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/report-a-concern" />
        <ErrorSummary form={form} order={ORDER} />
        <h1 className="govuk-heading-l">Tell us about your concern</h1>
        <WarningText>If a child is in immediate danger, call 999 now.</WarningText>
        <PostForm form={getFormProps(form)}>
          <h2 className="govuk-heading-m">About you</h2>
          {signedIn ? (
            <p className="govuk-body">
              We'll use the name and email address on your account: {signedIn.name}, {signedIn.email}.
            </p>
          ) : (
            <>
              <TextInput field={fields.reporterName} label="Your name" autoComplete="name" />
              <TextInput field={fields.reporterEmail} label="Your email address" hint="We'll send your reference here" type="email" autoComplete="email" spellCheck={false} />
              <TextInput field={fields.reporterPhone} label="Your phone number (optional)" hint="In case the LADO needs to talk to you" type="tel" autoComplete="tel" width="20" />
            </>
          )}
          <TextInput field={fields.reporterRelationship} label="How do you know the child or the adult?" hint="For example, I'm the child's parent, or I work on the production" />
          <h2 className="govuk-heading-m">The adult you're worried about</h2>
          {chaperones.length ? (
            <Radios
              field={fields.subjectChaperone}
              legend="Who is it?"
              hint="Chaperones who have looked after, or are booked to look after, children you are responsible for"
              options={[
                ...chaperones.map((c) => ({ value: c.reference, label: `${c.name}, chaperone`, hint: c.production })),
                { value: "other", label: "Someone else", conditional: someoneElse },
              ]}
            />
          ) : (
            someoneElse
          )}
          <h2 className="govuk-heading-m">What happened</h2>
          <TextInput field={fields.childName} label="Which child is it about? (optional)" hint="Their name, or how the LADO can identify them" autoComplete="off" />
          <TextInput field={fields.productionName} label="Which production or workplace? (optional)" autoComplete="off" />
          <Textarea field={fields.whatHappened} label="What happened, or what are you worried about?" hint="Say what you saw or were told, who was there and where it was. Use the words the child used, if you can" rows={8} />
          <DateInput id="happenedOn" legend="When did it happen?" hint="If it happened over a period, the latest date. For example, 27 11 2026" day={fields.happenedOnDay} month={fields.happenedOnMonth} year={fields.happenedOnYear} />
          <Textarea field={fields.actionTaken} label="What has been done about it so far? (optional)" hint="For example, who else you have told, such as the police, the school or the production company" />
          <Select
            field={fields.authorityId}
            label="Which council should deal with it?"
            hint="The council where the child lives, or where it happened if you don't know"
            options={[{ value: "", label: "Choose a council" }, ...councils.map((c) => ({ value: c.id, label: c.name }))]}
          />
          <Button>Send to the LADO</Button>
        </PostForm>
      </div>
    </div>
  );
}
