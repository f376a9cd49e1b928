import { formatDate, formatMoment } from "~/domain/calendar/dates";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { LADO_OUTCOMES } from "#db/schema/safeguarding";
import { addCaseMember, dispatchDeliveries, getCase, recordCaseLink, recordOutcome, triageConcern } from "~/domain/safeguarding.server";
import { CONCERN_STATUS_LABELS, HOLD_KIND_LABELS, OUTCOME_HINTS, OUTCOME_LABELS, SUBJECT_ROLE_LABELS } from "~/domain/safeguarding/labels";
import { LADO_RULES, THRESHOLD_CATEGORIES } from "~/domain/safeguarding/rules";
import { isoDate } from "~/forms/chaperone";
import { dateParts } from "~/forms/fields";
import { requireCurrent } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button, InsetText, NotificationBanner, SummaryList, Table, Tag } from "~/ui/govuk/components";
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, resultsByForm, useGovukForm } from "~/ui/govuk/form";
import { ClockTag } from "~/ui/safeguarding/ClockTag";
import { ownValue } from "~/ui/ownValue";

export const handle = { title: (d: { case?: { concern: { reference: string } } }) => (d?.case ? `Concern ${d.case.concern.reference}` : "Concern") };

const ALWAYS = { when: () => true };
const text = z.string().optional();

// The rules (what is required, lengths, dates) are checked once, by the verbs.
const triageSchema = z.object({
  decision: z.enum(["refer", "no-further-action"], { error: "Select whether the threshold is met" }),
  categories: z.array(z.string()).optional(),
  organisationId: text,
  reason: text,
});
const linkSchema = z
  .object({ caseReference: text, caseAddress: text, subjectDateOfBirthDay: text, subjectDateOfBirthMonth: text, subjectDateOfBirthYear: text })
  .superRefine((v, ctx) => {
    // the date of birth is optional: check it only when some of it was given
    if (v.subjectDateOfBirthDay || v.subjectDateOfBirthMonth || v.subjectDateOfBirthYear) dateParts("subjectDateOfBirth", "date of birth")(v, ctx);
  }, ALWAYS);
const outcomeSchema = z
  .object({ outcome: z.enum(LADO_OUTCOMES, { error: "Select the outcome" }), outcomeOnDay: text, outcomeOnMonth: text, outcomeOnYear: text, notes: text })
  .superRefine(dateParts("outcomeOn", "date of the outcome"), ALWAYS);
const personSchema = z.object({ email: text });

const DONE = {
  referred: "The concern is referred. Holds are in place.",
  "no-further-action": "The decision is recorded: the threshold is not met.",
  linked: "The safeguarding record is linked.",
  outcome: "The outcome is recorded.",
  added: "The person can now see this referral.",
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCurrent(request, context);
  const found = await guard(getCase(db(), actor, params.reference ?? ""));
  return json({ case: found, done: new URL(request.url).searchParams.get("done") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCurrent(request, context);
  const reference = params.reference ?? "";
  const back = (done: keyof typeof DONE) => () => redirect(`/lado/cases/${reference}?done=${done}`);
  const send = async <T extends { deliveryIds: string[] }>(work: Promise<T>) => {
    const result = await work;
    await dispatchDeliveries(result.deliveryIds);
    return result;
  };
  switch (formData.get("intent")) {
    case "triage": {
      const decision = formData.get("decision") === "refer" ? "referred" : "no-further-action";
      return submitForm(
        formData,
        triageSchema,
        (v) => send(triageConcern(db(), actor, reference, { decision: v.decision, categories: v.categories ?? [], reason: v.reason ?? "", organisationId: v.organisationId || null }, context.baseUrl)),
        back(decision),
      );
    }
    case "link":
      return submitForm(
        formData,
        linkSchema,
        (v) =>
          send(
            recordCaseLink(db(), actor, reference, {
              caseReference: v.caseReference ?? "",
              caseAddress: v.caseAddress ?? "",
              subjectDateOfBirth: v.subjectDateOfBirthDay ? isoDate(v, "subjectDateOfBirth", "date of birth") : null,
            }),
          ),
        back("linked"),
      );
    case "outcome":
      return submitForm(
        formData,
        outcomeSchema,
        (v) => send(recordOutcome(db(), actor, reference, { outcome: v.outcome, outcomeOn: isoDate(v, "outcomeOn", "date of the outcome"), notes: v.notes ?? "" })),
        back("outcome"),
      );
    case "add-person":
      return submitForm(formData, personSchema, (v) => addCaseMember(db(), actor, reference, v.email ?? ""), back("added"));
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

const pre = (value: string | null) => (value ? <span className="app-pre-line">{value}</span> : "Not given");
const DELIVERY_STATUS = { pending: "Waiting to send", retrying: "Trying again", delivered: "Delivered", failed: "Failed" } as const;
const DELIVERY_COLOUR = { pending: "grey", retrying: "orange", delivered: "green", failed: "red" } as const;
const HISTORY: Record<string, string> = {
  "concern.raised": "Concern received",
  "concern.referred": "Referred: the threshold is met",
  "concern.no-further-action": "Threshold not met",
  "lado.case-linked": "Safeguarding record linked",
  "lado.case-reference-received": "Case reference received from the case management system",
  "lado.outcome-recorded": "Outcome recorded",
  "lado.person-added": "Person added to the case",
};

/** Mounted afresh after each navigation, so a form's errors and answers never outlive the submission they came from. */
export default function LadoCase() {
  return <CasePage key={useLocation().key} />;
}

function CasePage() {
  const { case: c, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const resultFor = resultsByForm(lastResult);
  const { concern, referral } = c;
  const [triageForm, triageFields] = useGovukForm("triage", triageSchema, resultFor("triage"));
  const [linkForm, linkFields] = useGovukForm("caselink", linkSchema, resultFor("link"), {
    caseReference: referral?.caseReference ?? "",
    caseAddress: referral?.caseAddress ?? "",
    ...(referral?.subjectDateOfBirth
      ? {
          subjectDateOfBirthDay: String(Number(referral.subjectDateOfBirth.slice(8))),
          subjectDateOfBirthMonth: String(Number(referral.subjectDateOfBirth.slice(5, 7))),
          subjectDateOfBirthYear: referral.subjectDateOfBirth.slice(0, 4),
        }
      : {}),
  });
  const [outcomeForm, outcomeFields] = useGovukForm("outcomeform", outcomeSchema, resultFor("outcome"));
  const [personForm, personFields] = useGovukForm("addperson", personSchema, resultFor("add-person"));
  const categories = LADO_RULES["LADO-THRESHOLD"].categories;
  const banner = ownValue<string>(DONE, done);

  return (
    <>
      <BackLink to={c.isLado ? "/lado" : "/account"}>{c.isLado ? "LADO referrals" : "Your account"}</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary form={triageForm} order={["decision", "categories", "organisationId", "reason"]} />
      <ErrorSummary form={linkForm} order={["caseReference", "caseAddress", "subjectDateOfBirthDay"]} />
      <ErrorSummary form={outcomeForm} order={["outcome", "outcomeOnDay", "notes"]} />
      <ErrorSummary form={personForm} order={["email"]} />

      <span className="govuk-caption-l">
        Concern {concern.reference} · {c.authority.name}
      </span>
      <h1 className="govuk-heading-l">
        {concern.subjectName}, {SUBJECT_ROLE_LABELS[concern.subjectRole].toLowerCase()}
      </h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: "Status", value: <Tag colour={concern.status === "new" ? "blue" : concern.status === "referred" ? "purple" : "grey"}>{referral?.outcome ? `Closed: ${OUTCOME_LABELS[referral.outcome].toLowerCase()}` : CONCERN_STATUS_LABELS[concern.status]}</Tag> },
              { key: "Received", value: formatMoment(concern.receivedAt) },
              { key: "1 working day", value: <ClockTag clock={c.clock} /> },
            ]}
          />

          <h2 className="govuk-heading-m">The concern</h2>
          <SummaryList
            rows={[
              { key: "About", value: `${concern.subjectName} (${SUBJECT_ROLE_LABELS[concern.subjectRole].toLowerCase()})` },
              ...(c.licence ? [{ key: "Chaperone licence", value: `${c.licence.reference} (${c.licence.status})` }] : []),
              { key: "Works for", value: concern.subjectOrganisationName ?? "Not given" },
              { key: "Child", value: concern.childName ?? "Not given" },
              { key: "Production or workplace", value: concern.productionName ?? "Not given" },
              { key: "What happened", value: pre(concern.whatHappened) },
              { key: "When", value: formatDate(concern.happenedOn) },
              { key: "Done so far", value: pre(concern.actionTaken) },
              {
                key: "Raised by",
                value: pre([`${concern.reporterName} (${concern.reporterRelationship})`, concern.reporterEmail, concern.reporterPhone].filter(Boolean).join("\n")),
              },
            ]}
          />

          {concern.status === "new" && c.isLado ? (
            <>
              <h2 className="govuk-heading-m">Decide whether the threshold is met</h2>
              <PostForm form={getFormProps(triageForm)}>
                <input type="hidden" name="intent" value="triage" />
                <Radios
                  field={triageFields.decision}
                  legend="Does it meet the threshold for a LADO referral?"
                  options={[
                    {
                      value: "refer",
                      label: "Yes, refer it",
                      hint: "A named chaperone's licence is suspended at once, and applications naming them are put on hold",
                      conditional: (
                        <>
                          <Checkboxes
                            field={triageFields.categories}
                            legend="How is the threshold met?"
                            hint="Select all that apply"
                            small
                            options={THRESHOLD_CATEGORIES.map((k) => ({ value: k, label: categories[k] }))}
                          />
                          <Select
                            field={triageFields.organisationId}
                            label="Is it about an organisation's staff? (optional)"
                            hint="The organisation's pending applications and body of persons approvals are put on hold too"
                            options={[{ value: "", label: "No organisation" }, ...c.organisations.map((o) => ({ value: o.id, label: o.name }))]}
                          />
                        </>
                      ),
                    },
                    { value: "no-further-action", label: "No, the threshold is not met" },
                  ]}
                />
                <Textarea field={triageFields.reason} label="Why?" hint="Recorded on the LADO record and sent to the safeguarding record" />
                <Button>Save the decision</Button>
              </PostForm>
            </>
          ) : null}

          {concern.status === "no-further-action" ? (
            <>
              <h2 className="govuk-heading-m">Decision</h2>
              <SummaryList rows={[{ key: "Threshold not met", value: pre(concern.decisionReason) }]} />
            </>
          ) : null}

          {referral ? (
            <>
              <h2 className="govuk-heading-m">Referral</h2>
              <SummaryList
                rows={[
                  { key: "Referred", value: formatDate(referral.referredOn) },
                  {
                    key: "Threshold",
                    value: (
                      <ul className="govuk-list">
                        {referral.categories.map((k) => (
                          <li key={k}>{categories[k as keyof typeof categories] ?? k}</li>
                        ))}
                      </ul>
                    ),
                  },
                  { key: "Why", value: pre(concern.decisionReason) },
                ]}
              />

              <h2 className="govuk-heading-m">Safeguarding record</h2>
              <SummaryList
                rows={[
                  { key: "Case reference", value: referral.caseReference ?? "Not linked yet" },
                  { key: "Where it is kept", value: referral.caseAddress ?? "Not given" },
                  { key: "Date of birth", value: referral.subjectDateOfBirth ? formatDate(referral.subjectDateOfBirth) : "Not given" },
                ]}
              />
              {c.isLado ? (
                <PostForm form={getFormProps(linkForm)}>
                  <input type="hidden" name="intent" value="link" />
                  <TextInput field={linkFields.caseReference} label="Case reference in your case management system" width="20" />
                  <TextInput field={linkFields.caseAddress} label="Where the case is kept (optional)" hint="For example, the system's name or the address of the case record" />
                  <DateInput
                    id="caselink-subjectDateOfBirth"
                    legend="Their date of birth (optional)"
                    hint="Used for how long the LADO record is kept. For example, 27 3 1980"
                    day={linkFields.subjectDateOfBirthDay}
                    month={linkFields.subjectDateOfBirthMonth}
                    year={linkFields.subjectDateOfBirthYear}
                  />
                  <Button secondary>Save the link</Button>
                </PostForm>
              ) : null}
              <h3 className="govuk-heading-s">Sent to the case management system</h3>
              {c.endpoint.error ? (
                <InsetText>The connection is set up wrongly: {c.endpoint.error}</InsetText>
              ) : !c.endpoint.configured ? (
                <p className="govuk-body">
                  {c.authority.name} has not connected its case management system, so nothing is sent. An administrator can set SAFEGUARDING_WEBHOOK_URL_
                  {c.authority.code} and its secret.
                </p>
              ) : c.deliveries.length ? (
                <Table
                  caption="Deliveries, newest first"
                  head={["What", "Status", "Tries", "Last try"]}
                  rows={c.deliveries.map((d) => [
                    d.event,
                    <span key="status">
                      <Tag colour={DELIVERY_COLOUR[d.status]}>{DELIVERY_STATUS[d.status]}</Tag>
                      {d.lastError && d.status !== "delivered" ? <span className="govuk-body-s govuk-!-display-block">{d.lastError}</span> : null}
                    </span>,
                    d.attempts,
                    d.lastAttemptAt ? formatMoment(d.lastAttemptAt) : "Not yet",
                  ])}
                />
              ) : (
                <p className="govuk-body">Nothing has been sent yet.</p>
              )}

              <h2 className="govuk-heading-m">Holds</h2>
              {c.holds.length ? (
                <Table
                  caption="Officers see only “on hold – contact the LADO”"
                  head={["Record", "Reference", "Council", "Hold"]}
                  rows={c.holds.map((h) => [
                    HOLD_KIND_LABELS[h.kind],
                    h.reference ?? "Draft",
                    h.authority,
                    h.liftedAt ? `Lifted ${formatMoment(h.liftedAt)}` : `Placed ${formatMoment(h.placedAt)}`,
                  ])}
                />
              ) : (
                <p className="govuk-body">Nothing in this service is on hold: the person holds no chaperone licence here and no organisation was named.</p>
              )}

              <h2 className="govuk-heading-m">Outcome</h2>
              {referral.outcome ? (
                <>
                  <SummaryList
                    rows={[
                      { key: "Outcome", value: OUTCOME_LABELS[referral.outcome] },
                      { key: "Date", value: referral.outcomeOn ? formatDate(referral.outcomeOn) : "" },
                      { key: "Notes", value: pre(referral.outcomeNotes) },
                      {
                        key: "Resolved",
                        value: c.resolution
                          ? c.resolution.withinOneMonth
                            ? "Within 1 month"
                            : c.resolution.withinThreeMonths
                              ? "Within 3 months"
                              : "After more than 3 months"
                          : "",
                      },
                      { key: "Review the LADO record on", value: referral.retentionReviewOn ? formatDate(referral.retentionReviewOn) : "" },
                      ...(referral.removedFromLicensingRecord ? [{ key: "Licensing record", value: "Removed from the person's licensing record" }] : []),
                    ]}
                  />
                  {LADO_RULES["LADO-OUTCOME"].effects[referral.outcome].promptRevoke ? (
                    <InsetText>The holds stay in place. The licensing officers of each council are asked to revoke the person's licences.</InsetText>
                  ) : null}
                </>
              ) : c.isLado ? (
                <PostForm form={getFormProps(outcomeForm)}>
                  <input type="hidden" name="intent" value="outcome" />
                  <Radios
                    field={outcomeFields.outcome}
                    legend="What is the outcome?"
                    options={LADO_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o], hint: OUTCOME_HINTS[o] }))}
                  />
                  <DateInput
                    id="outcomeform-outcomeOn"
                    legend="When was the outcome reached?"
                    hint="For example, 27 11 2026"
                    day={outcomeFields.outcomeOnDay}
                    month={outcomeFields.outcomeOnMonth}
                    year={outcomeFields.outcomeOnYear}
                  />
                  <Textarea field={outcomeFields.notes} label="Notes (optional)" />
                  <Button>Record the outcome</Button>
                </PostForm>
              ) : (
                <p className="govuk-body">No outcome yet.</p>
              )}

              <h2 className="govuk-heading-m">Who can see this referral</h2>
              <p className="govuk-body">{c.authority.name}'s LADO{c.members.length ? ", and:" : " only."}</p>
              {c.members.length ? (
                <ul className="govuk-list govuk-list--bullet">
                  {c.members.map((m) => (
                    <li key={m.email}>
                      {m.name} ({m.email}), added {formatMoment(m.addedAt)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {c.isLado ? (
                <PostForm form={getFormProps(personForm)}>
                  <input type="hidden" name="intent" value="add-person" />
                  <TextInput field={personFields.email} label="Add a colleague by email address" hint="A member of your council's staff with an account" type="email" spellCheck={false} />
                  <Button secondary>Add to the case</Button>
                </PostForm>
              ) : null}
            </>
          ) : null}

          <h2 className="govuk-heading-m">Who has looked at this case</h2>
          <Table caption="Every time the case was opened, newest first" head={["When", "Who"]} rows={c.views.map((v) => [formatMoment(v.at), v.who])} />
          <Table
            caption="History"
            head={["When", "What", "Who"]}
            rows={c.history.map((e) => [formatMoment(e.at), HISTORY[e.action] ?? e.action, e.actorLabel])}
          />
          {c.isLado ? null : (
            <p className="govuk-body">
              <Link className="govuk-link" to="/account">
                Back to your account
              </Link>
            </p>
          )}
        </div>
      </div>
    </>
  );
}
