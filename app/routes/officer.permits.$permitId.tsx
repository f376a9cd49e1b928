import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { formatDay, formatDate, formatMoment } from "~/domain/calendar/dates";
import { getPermitForOfficer, grantEmploymentPermit, refuseEmploymentPermit, revokeEmploymentPermit } from "~/domain/employment-officer.server";
import { PERMIT_STATUS_COLOURS } from "~/domain/employment/states";
import { requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { permitRuleOptions } from "~/server/permit-application.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button, NotificationBanner, preLine, SummaryList, Table, Tag, WarningText, yesNoAnswer } from "~/ui/govuk/components";
import { Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, resultsByForm, useGovukForm } from "~/ui/govuk/form";
import { RecordHistory } from "~/ui/history/RecordHistory";
import { ReasonForm } from "~/ui/officer/ReasonForm";
import { ownValue } from "~/ui/ownValue";

export const handle = {
  title: (d: { permit?: { reference: string; child: { name: string } | null } }) =>
    d?.permit ? `Employment permit application ${d.permit.reference}: ${d.permit.child?.name ?? "child not named"}` : "Employment permit application",
};

const TEXT_MAX = 2000;
const grantSchema = z.object({
  customConditions: z
    .string()
    .trim()
    .max(TEXT_MAX * 5, { error: "Other conditions must be 10000 characters or fewer" })
    .optional(),
});
const refuseSchema = z.object({
  reasons: requiredText("Enter the reasons for refusing, which are sent to the employer and the parent", TEXT_MAX, `Reasons must be ${TEXT_MAX} characters or fewer`),
});
const revokeSchema = z.object({
  reasons: requiredText("Enter the reasons for revoking, which are sent to the employer and the parent", TEXT_MAX, `Reasons must be ${TEXT_MAX} characters or fewer`),
});


export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "employment-permit:decide");
  const permit = await guard(getPermitForOfficer(db(), actor, params.permitId ?? "", permitRuleOptions()));
  return json({ permit, done: new URL(request.url).searchParams.get("done") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "employment-permit:decide");
  const id = params.permitId ?? "";
  const back = (done: string) => () => redirect(`/officer/permits/${id}?done=${done}`);
  switch (formData.get("intent")) {
    case "grant":
      return submitForm(
        formData,
        grantSchema,
        (v) => grantEmploymentPermit(db(), actor, id, { customConditions: v.customConditions }, context.baseUrl, new Date(), permitRuleOptions()),
        back("granted"),
      );
    case "refuse":
      return submitForm(formData, refuseSchema, (v) => refuseEmploymentPermit(db(), actor, id, v.reasons, context.baseUrl), back("refused"));
    case "revoke":
      return submitForm(formData, revokeSchema, (v) => revokeEmploymentPermit(db(), actor, id, v.reasons, context.baseUrl), back("revoked"));
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}


/** Mounted afresh after each navigation, so a form's errors and answers never outlive the submission they came from. */
export default function OfficerPermit() {
  return <PermitPage key={useLocation().key} />;
}

function PermitPage() {
  const { permit: p, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const resultFor = resultsByForm(lastResult);
  const [grantForm, grantFields] = useGovukForm("grant", grantSchema, resultFor("grant"));
  const [refuseForm, refuseFields] = useGovukForm("refuse", refuseSchema, resultFor("refuse"));
  const [revokeForm, revokeFields] = useGovukForm("revoke", revokeSchema, resultFor("revoke"));

  const e = p.employerPart;
  const childName = p.child?.name ?? "The child";
  const banner = ownValue(
    {
      granted: `The permit is granted. ${p.decision.permit?.reference ?? "The permit"} has been issued and emailed to the employer and the parent.`,
      refused: "The application has been refused. The employer and the parent have been emailed the reasons.",
      revoked: "The permit has been revoked. The employer and the parent have been emailed the reasons.",
    },
    done,
  );
  const lateText = p.late
    ? `No: submitted ${p.daysLate} day${p.daysLate === 1 ? "" : "s"} after the 7 days allowed from the start date${p.lateDeadline ? ` (due by ${formatDate(p.lateDeadline)})` : ""}`
    : "Yes: within 7 days of the start date";

  return (
    <>
      <BackLink to="/officer/permits">Child employment permits</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary form={grantForm} order={["customConditions"]} formErrorTarget="section" />
      <ErrorSummary form={refuseForm} order={["reasons"]} />
      <ErrorSummary form={revokeForm} order={["reasons"]} />

      <span className="govuk-caption-l">Employment permit application {p.reference}</span>
      <h1 className="govuk-heading-l">{childName}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              {
                key: "Status",
                value: (
                  <>
                    <Tag colour={PERMIT_STATUS_COLOURS[p.status]}>{p.statusLabel}</Tag>
                    {p.late ? (
                      <>
                        {" "}
                        <Tag colour="orange">Late (EMPLOY-7DAYS)</Tag>
                      </>
                    ) : null}
                  </>
                ),
              },
              { key: "Received", value: p.submittedAt ? formatMoment(p.submittedAt) : "Not known" },
              { key: "Applied in time", value: lateText },
              ...(p.child
                ? [
                    { key: "Date of birth", value: `${formatDate(p.child.dateOfBirth)} (${p.child.age} years old today)` },
                    { key: "School leaving date", value: `${formatDate(p.child.schoolLeavingDate)}: a permit lasts until this date at the latest` },
                  ]
                : []),
              { key: "School", value: p.school ?? "Not given" },
              { key: "Photograph for the permit card", value: p.child?.hasPhoto ? "On the child's profile" : "None on the child's profile: the card is issued without one" },
            ]}
          />
        </div>
      </div>

      <h2 className="govuk-heading-l">Employer's part</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: "Business", value: e.businessName },
              ...(e.organisationName && e.organisationName !== e.businessName ? [{ key: "Employer account", value: e.organisationName }] : []),
              {
                key: "Contact",
                value: e.contacts.length ? (
                  <ul className="govuk-list">
                    {e.contacts.map((c) => (
                      <li key={c.email}>
                        {c.name} ({c.email})
                      </li>
                    ))}
                  </ul>
                ) : (
                  "No employer account yet"
                ),
              },
              { key: "Workplace", value: e.workplace },
              { key: "Job", value: e.occupation },
              { key: "What the child will do", value: e.jobDescription ? preLine(e.jobDescription) : "Not given" },
              { key: "Start date", value: e.startDate ? formatDate(e.startDate) : "Not given" },
              { key: "Supervisor", value: e.supervisorName ?? "Not given" },
              { key: "Risk assessment", value: e.riskAssessmentConfirmed ? "The employer confirms a risk assessment has been done" : "Not confirmed" },
              { key: "Completed", value: e.completedAt ? formatMoment(e.completedAt) : "Not completed" },
            ]}
          />
        </div>
      </div>
      <Table caption="Usual hours" head={e.hours.head} rows={e.hours.rows} />
      <h3 className="govuk-heading-m">Checks on the hours and the job</h3>
      {p.checks.problems.length ? (
        <>
          <WarningText>The application does not meet every rule, so the permit cannot be granted as it is.</WarningText>
          <ul className="govuk-list govuk-list--bullet" id={p.status === "submitted" ? "grant-section" : undefined}>
            {p.checks.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="govuk-body">
          The job is allowed at {childName}'s age, and the term-time and holiday hours are within every limit (checked again now, for a permit from{" "}
          {formatDay(p.checks.validFrom)}).
        </p>
      )}

      <h2 className="govuk-heading-l">Parent's part</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: "Parent", value: p.parentPart.parent ? `${p.parentPart.parent.name} (${p.parentPart.parent.email})` : "Not known" },
              {
                key: "Health conditions",
                value: p.parentPart.hasHealthConditions ? preLine(p.parentPart.healthDetails ?? "Yes") : yesNoAnswer(p.parentPart.hasHealthConditions),
              },
              { key: "Consent", value: p.parentPart.consentName ? `Given by ${p.parentPart.consentName}` : "Not given" },
              { key: "Completed", value: p.parentPart.completedAt ? formatMoment(p.parentPart.completedAt) : "Not completed" },
            ]}
          />
        </div>
      </div>

      <h2 className="govuk-heading-l">The school</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {!p.schoolAnswer ? (
            <p className="govuk-body">The school has not been told: the council holds no contact for it.</p>
          ) : p.schoolAnswer.respondedAt ? (
            <SummaryList
              rows={[
                { key: "Answer", value: p.schoolAnswer.concern ? <Tag colour="orange">The school has a concern</Tag> : "No concern" },
                ...(p.schoolAnswer.concern
                  ? [
                      { key: "About", value: p.schoolAnswer.grounds.join(", ") },
                      { key: "The school's concern", value: preLine(p.schoolAnswer.reasons ?? "") },
                    ]
                  : []),
                { key: "Answered by", value: `${p.schoolAnswer.respondedByName} on ${formatMoment(p.schoolAnswer.respondedAt)}` },
              ]}
            />
          ) : (
            <SummaryList
              rows={[
                { key: "Told", value: p.schoolAnswer.email },
                {
                  key: "Any concern due by",
                  value: (
                    <>
                      {formatDay(p.schoolAnswer.dueOn)} <Tag colour={p.schoolAnswer.clock.overdue ? "grey" : "blue"}>{p.schoolAnswer.clock.label}</Tag>
                    </>
                  ),
                },
              ]}
            />
          )}
        </div>
      </div>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {p.status === "submitted" ? (
            <>
              <h2 className="govuk-heading-l">Decide</h2>
              {p.checks.problems.length ? null : (
                <>
                  <h3 className="govuk-heading-m">Grant</h3>
                  <p className="govuk-body">
                    The permit runs from {formatDay(p.checks.validFrom)} to {p.checks.validTo ? formatDay(p.checks.validTo) : "the school leaving date"}, the child's
                    school leaving date. It is signed, with {childName}'s permit card, and emailed to the employer and the parent. It has these conditions:
                  </p>
                  <ul className="govuk-list govuk-list--bullet">
                    {p.grant.standardConditions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                  <PostForm form={getFormProps(grantForm)}>
                    <input type="hidden" name="intent" value="grant" />
                    {grantForm.errors?.length ? (
                      <div className="govuk-error-message" id="grant-section">
                        <span className="govuk-visually-hidden">Error:</span>
                        <ul className="govuk-list">
                          {grantForm.errors.map((message) => (
                            <li key={message}>{message}</li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                    <Textarea field={grantFields.customConditions} label="Other conditions (optional)" hint="One condition per line, printed after the ones above" rows={4} />
                    <Button>Grant and issue the permit</Button>
                  </PostForm>
                </>
              )}
              <ReasonForm
                intent="refuse"
                form={getFormProps(refuseForm)}
                field={refuseFields.reasons}
                heading="h3"
                hint="The employer and the parent are emailed these reasons"
              />
            </>
          ) : (
            <>
              <h2 className="govuk-heading-l">Decision</h2>
              <SummaryList
                rows={[
                  { key: "Decision", value: p.statusLabel },
                  ...(p.decision.decidedAt ? [{ key: "Decided", value: `${formatMoment(p.decision.decidedAt)} by ${p.decision.decidedBy ?? "not known"}` }] : []),
                  ...(p.decision.permit
                    ? [
                        {
                          key: "Permit",
                          value: (
                            <>
                              <Link className="govuk-link" to={`/officer/documents/${p.decision.permit.reference}`}>
                                {p.decision.permit.reference}
                              </Link>{" "}
                              ({p.decision.permit.statusLabel})
                            </>
                          ),
                        },
                      ]
                    : []),
                  ...(p.decision.endsOn ? [{ key: p.status === "ended" ? "Last day" : "Valid until", value: formatDate(p.decision.endsOn) }] : []),
                  ...(p.decision.reason ? [{ key: p.status === "revoked" ? "Reasons for revoking" : "Reasons", value: preLine(p.decision.reason) }] : []),
                  ...(p.decision.endReason ? [{ key: "Why it ended", value: preLine(p.decision.endReason) }] : []),
                ]}
              />
              {p.status === "granted" ? (
                <ReasonForm
                  intent="revoke"
                  form={getFormProps(revokeForm)}
                  field={revokeFields.reasons}
                  heading="h3"
                  label="Reasons for revoking"
                  hint="For example, the child's attendance has fallen or the hours are unlawful. The permit is marked revoked in the register, and the employer and the parent are emailed these reasons"
                  button="Revoke the permit"
                />
              ) : null}
            </>
          )}
        </div>
      </div>
      <RecordHistory events={p.events} />
    </>
  );
}
