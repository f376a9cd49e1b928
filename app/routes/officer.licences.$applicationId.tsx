import { HoldNotice } from "~/ui/safeguarding/HoldNotice";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { formatDay, formatDate, formatMoment } from "~/domain/calendar/dates";
import {
  assignLicenceApplication,
  getLicenceApplication,
  grantPerformanceLicence,
  refusePerformanceLicence,
  requestLicenceInformation,
  revokePerformanceLicence,
} from "~/domain/licences-officer.server";
import { LICENCE_STATUS_COLOURS } from "~/domain/licences/states";
import { PRODUCTION_KIND_LABELS } from "~/domain/productions/labels";
import { requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button, InsetText, LateTag, NotificationBanner, preLine, SummaryList, Table, Tag, WarningText, yesNoAnswer } from "~/ui/govuk/components";
import { Checkboxes, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, resultsByForm, useGovukForm } from "~/ui/govuk/form";
import { RecordHistory } from "~/ui/history/RecordHistory";
import { FileLink } from "~/ui/officer/FileLink";
import { ReasonForm } from "~/ui/officer/ReasonForm";
import { ownValue } from "~/ui/ownValue";

export const handle = {
  title: (d: { application?: { reference: string; child: { name: string } } }) =>
    d?.application ? `Performance licence application ${d.application.reference}: ${d.application.child.name}` : "Performance licence application",
};

const TEXT_MAX = 2000;
const optionalText = (label: string) =>
  z
    .string()
    .trim()
    .max(TEXT_MAX, { error: `${label} must be ${TEXT_MAX} characters or fewer` })
    .optional();

const noFields = z.object({});
const informationSchema = z.object({ message: requiredText("Enter what you need to know", TEXT_MAX, `Your message must be ${TEXT_MAX} characters or fewer`) });
const grantSchema = z.object({
  standardConditions: z.array(z.string()).optional(),
  customConditions: optionalText("Other conditions"),
  objectionAnswer: optionalText("Your answer"),
  permitNightWork: z.literal("yes").optional(),
});
const refuseSchema = z.object({
  reasons: requiredText("Enter the reasons for refusing, which are sent to the producer and the parent", TEXT_MAX, `Reasons must be ${TEXT_MAX} characters or fewer`),
});
const revokeSchema = z.object({
  reason: requiredText("Enter the reason for revoking, which is sent to the producer and the parent", TEXT_MAX, `The reason must be ${TEXT_MAX} characters or fewer`),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "performance-application:decide");
  const application = await guard(getLicenceApplication(db(), actor, params.applicationId ?? ""));
  return json({ application, done: new URL(request.url).searchParams.get("done") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "performance-application:decide");
  const id = params.applicationId ?? "";
  const back = (done: string) => () => redirect(`/officer/licences/${id}?done=${done}`);
  switch (formData.get("intent")) {
    case "assign":
      return submitForm(formData, noFields, () => assignLicenceApplication(db(), actor, id, true), back("assigned"));
    case "unassign":
      return submitForm(formData, noFields, () => assignLicenceApplication(db(), actor, id, false), back("unassigned"));
    case "request-information":
      return submitForm(formData, informationSchema, (v) => requestLicenceInformation(db(), actor, id, v.message, context.baseUrl), back("information-requested"));
    case "grant":
      return submitForm(
        formData,
        grantSchema,
        (v) =>
          grantPerformanceLicence(
            db(),
            actor,
            id,
            {
              standardConditions: v.standardConditions ?? [],
              customConditions: v.customConditions,
              objectionAnswer: v.objectionAnswer,
              permitNightWork: v.permitNightWork === "yes",
            },
            context.baseUrl,
          ),
        back("granted"),
      );
    case "refuse":
      return submitForm(formData, refuseSchema, (v) => refusePerformanceLicence(db(), actor, id, v.reasons, context.baseUrl), back("refused"));
    case "revoke":
      return submitForm(formData, revokeSchema, (v) => revokePerformanceLicence(db(), actor, id, v.reason, context.baseUrl), back("revoked"));
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

const BASIS_LABELS: Record<string, string> = {
  licence: "Licence",
  bopa: "Body of persons approval",
  "four-day-rule": "Four-day rule",
  school: "School performance",
  "reported-by-parent": "Reported by the parent",
};
const OPEN_FOR_DECISION = ["submitted", "awaiting-school", "under-review"];

/** Mounted afresh after each navigation, so a form's errors and answers never outlive the submission they came from. */
export default function OfficerLicenceApplication() {
  return <ApplicationPage key={useLocation().key} />;
}

function ApplicationPage() {
  const { application: a, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const resultFor = resultsByForm(lastResult);
  const [assignForm] = useGovukForm("assign", noFields, resultFor("assign") ?? resultFor("unassign"));
  const [infoForm, infoFields] = useGovukForm("request-information", informationSchema, resultFor("request-information"));
  const [grantForm, grantFields] = useGovukForm("grant", grantSchema, resultFor("grant"), { standardConditions: a.grant.standardConditions.map((c) => c.id) });
  const [refuseForm, refuseFields] = useGovukForm("refuse", refuseSchema, resultFor("refuse"));
  const [revokeForm, revokeFields] = useGovukForm("revoke", revokeSchema, resultFor("revoke"));

  const p = a.producerPart;
  const objected = a.school?.response === "object";
  const banner = ownValue(
    {
      assigned: "The application is assigned to you.",
      unassigned: "The application is no longer assigned to you.",
      "information-requested": `${a.production.producer.name} and ${a.parentName} have been emailed your request for more information.`,
      granted: `The licence is granted. ${a.decision.licence?.reference ?? "The licence"} has been issued and copies have been emailed.`,
      refused: `The application has been refused. ${a.production.producer.name} and ${a.parentName} have been emailed the reasons and the right of appeal.`,
      revoked: `The licence has been revoked. ${a.production.producer.name} and ${a.parentName} have been emailed the reason.`,
    },
    done,
  );
  const fileLink = (file: "photo" | "birth-certificate" | "contract", upload: { filename: string; size: number } | null) => (
    <FileLink href={`/officer/licences/${a.id}/files/${file}`} upload={upload} missing="Not uploaded" />
  );

  return (
    <>
      <BackLink to="/officer/licences">Performance licence applications</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary form={assignForm} order={[]} formErrorTarget="button" />
      <ErrorSummary form={infoForm} order={["message"]} />
      <ErrorSummary form={grantForm} order={["objectionAnswer", "permitNightWork", "standardConditions", "customConditions"]} formErrorTarget="section" />
      <ErrorSummary form={refuseForm} order={["reasons"]} />
      <ErrorSummary form={revokeForm} order={["reason"]} />

      <span className="govuk-caption-l">Performance licence application {a.reference}</span>
      <h1 className="govuk-heading-l">{a.child.name}</h1>
      <HoldNotice hold={a.hold} what="application" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              {
                key: "Status",
                value: (
                  <>
                    <Tag colour={LICENCE_STATUS_COLOURS[a.status]}>{a.statusLabel}</Tag>
                    <LateTag late={a.late} />
                    {objected ? (
                      <>
                        {" "}
                        <Tag colour="red">School objection</Tag>
                      </>
                    ) : null}
                  </>
                ),
              },
              { key: "Received", value: a.submittedAt ? formatMoment(a.submittedAt) : "Not known" },
              { key: "Date of birth", value: formatDate(a.child.dateOfBirth) },
              { key: "Production", value: `${a.production.title} (${PRODUCTION_KIND_LABELS[a.production.kind]})` },
              { key: "Licence holder", value: a.production.organisationName },
              { key: "Producer", value: `${a.production.producer.name} (${a.production.producer.email})` },
              a.production.venues.length
                ? {
                    key: "Venues",
                    value: (
                      <ul className="govuk-list">
                        {a.production.venues.map((v) => (
                          <li key={v}>{v}</li>
                        ))}
                      </ul>
                    ),
                  }
                : { key: "Venue", value: `${a.production.venue} (${a.production.hostName})` },
              { key: "Parent", value: a.parentName },
              { key: "Officer", value: a.assigned ? (a.assigned.isMe ? `${a.assigned.name} (you)` : a.assigned.name) : "Not assigned" },
            ]}
          />
          <PostForm form={getFormProps(assignForm)}>
            <input type="hidden" name="intent" value={a.assigned?.isMe ? "unassign" : "assign"} />
            <span id="assign-button" />
            <Button secondary>{a.assigned?.isMe ? "Unassign me" : "Assign to me"}</Button>
          </PostForm>
          {a.late ? (
            <InsetText>This application arrived less than 21 days before the first performance (PERF-APP-21). You may still decide it: it is not refused for being late.</InsetText>
          ) : null}
          {a.information.requested ? (
            <InsetText>
              <p className="govuk-body govuk-!-font-weight-bold">You asked for more information:</p>
              <p className="govuk-body app-pre-line">{a.information.requested}</p>
              {a.information.reply ? (
                <>
                  <p className="govuk-body govuk-!-font-weight-bold">The producer replied:</p>
                  <p className="govuk-body app-pre-line">{a.information.reply}</p>
                </>
              ) : (
                <p className="govuk-body">The producer has not replied yet.</p>
              )}
            </InsetText>
          ) : null}
        </div>
      </div>

      <h2 className="govuk-heading-l">Producer's part</h2>
      <Table
        caption="Schedule"
        head={["Date", ...(a.production.venues.length ? ["Venue"] : []), "At the venue", "Performing or rehearsing", "Breaks", "School day", "Chaperone"]}
        rows={p.days.map((d) => [
          <span key="date">
            {formatDay(d.date)}
            {d.kind === "rehearsal" ? " (rehearsal)" : ""}
          </span>,
          ...(a.production.venues.length ? [d.venue ?? ""] : []),
          d.atVenue,
          d.performing,
          d.breaks,
          d.schoolDay ? "Yes" : "No",
          <span key="chaperone">
            {d.chaperone.label}
            {d.chaperone.named ? (
              <>
                <br />
                {d.chaperone.problems.length ? <Tag colour="red">Fails a check</Tag> : <Tag colour="green">Approved on this date</Tag>}
              </>
            ) : null}
          </span>,
        ])}
      />
      <h3 className="govuk-heading-m">Checks on the schedule</h3>
      {p.findings.length || p.chaperoneFindings.length ? (
        <>
          <WarningText>The schedule does not meet every rule. A licence can only be granted for night work with your permission, and not for other breaches.</WarningText>
          <ul className="govuk-list govuk-list--bullet">
            {p.findings.map((f, i) => (
              <li key={`h${i}`}>
                {f.message.replace(/\.$/, "")} ({f.rule}){f.needsPermission ? ". You can permit it when you grant the licence." : ""}
              </li>
            ))}
            {p.chaperoneFindings.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="govuk-body">Every day is within the hours rules for the child's age, and every named chaperone is approved on their dates.</p>
      )}
      {p.nightWorkReasons ? (
        <SummaryList rows={[{ key: "Reasons for night work", value: preLine(p.nightWorkReasons) }]} />
      ) : null}
      {p.days.map((d) => (
        <figure key={d.date} className="govuk-!-margin-0 govuk-!-margin-bottom-4">
          <figcaption className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{formatDay(d.date)}</figcaption>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the timeline is an SVG drawn on the server from the schedule's times */}
          <div dangerouslySetInnerHTML={{ __html: d.timeline }} />
        </figure>
      ))}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: "Payment", value: p.paid === null ? "Not answered" : p.paid ? preLine(p.paymentDetails || "Paid (no details given)") : "Not paid beyond expenses" },
              {
                key: "School days missed",
                value: p.schoolDaysMissed.length ? `${p.schoolDaysMissed.length}: ${p.schoolDaysMissed.map(formatDay).join(", ")}` : "None",
              },
              ...(p.schoolDaysMissed.length
                ? [
                    { key: "Tutor", value: p.education.tutorName ?? "Not given" },
                    { key: "Tuition a school day missed", value: p.education.tutorHoursPerDay === null ? "Not given" : `${p.education.tutorHoursPerDay} hours` },
                    { key: "Pupils per tutor", value: p.education.pupilsPerTutor ?? "Not given" },
                  ]
                : []),
              { key: "Contract", value: fileLink("contract", a.files.contract) },
              { key: "Completed", value: p.completedAt ? formatMoment(p.completedAt) : "Not completed" },
            ]}
          />
        </div>
      </div>

      <h2 className="govuk-heading-l">Parent's part</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: "School", value: a.parentPart.school ?? "Not given" },
              {
                key: "Health conditions",
                value: a.parentPart.hasHealthConditions ? preLine(a.parentPart.healthDetails ?? "Yes") : yesNoAnswer(a.parentPart.hasHealthConditions),
              },
              {
                key: "Other councils in the last 12 months",
                value: a.parentPart.hasOtherCouncilDecisions ? preLine(a.parentPart.otherCouncilDetails ?? "Yes") : yesNoAnswer(a.parentPart.hasOtherCouncilDecisions),
              },
              { key: "Photograph", value: fileLink("photo", a.files.photo) },
              { key: "Photograph taken", value: a.parentPart.photoTakenOn ? formatDate(a.parentPart.photoTakenOn) : "Not given" },
              { key: "Birth certificate", value: fileLink("birth-certificate", a.files.birthCertificate) },
              { key: "Consent", value: a.parentPart.consentName ? `Given by ${a.parentPart.consentName}` : "Not given" },
              { key: "Completed", value: a.parentPart.completedAt ? formatMoment(a.parentPart.completedAt) : "Not completed" },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          {a.files.photo?.isImage ? (
            <img className="app-photo" src={`/officer/licences/${a.id}/files/photo`} alt={`Photograph of ${a.child.name}`} width={140} height={180} />
          ) : null}
        </div>
      </div>

      <h2 className="govuk-heading-l">School</h2>
      {a.school ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <SummaryList
              rows={[
                { key: "Asked", value: `${formatMoment(a.school.askedAt)} (${a.school.email})` },
                {
                  key: "Answer due",
                  value: (
                    <>
                      {formatDate(a.school.dueOn)} – {a.school.clock.label}
                      {a.school.clock.overdue ? (
                        <>
                          {" "}
                          <Tag colour="red">Overdue</Tag>
                        </>
                      ) : null}
                    </>
                  ),
                },
                {
                  key: "Answer",
                  value: a.school.response ? (a.school.response === "consent" ? "The school agrees" : "The school objects") : "Not answered yet",
                },
                ...(a.school.response === "object" ? [{ key: "Grounds", value: a.school.grounds.join(", ") || "Not given" }] : []),
                ...(a.school.reasons ? [{ key: "Reasons", value: preLine(a.school.reasons) }] : []),
                ...(a.school.respondedAt
                  ? [{ key: "Answered by", value: `${a.school.respondedByName ?? "Not known"}, ${formatMoment(a.school.respondedAt)}` }]
                  : []),
              ]}
            />
          </div>
        </div>
      ) : (
        <p className="govuk-body">The school has not been asked.</p>
      )}

      <h2 className="govuk-heading-l">{a.child.name}'s performance days</h2>
      {a.fourDayCount ? (
        <p className="govuk-body">
          In the 6 months before the first performance on {formatDay(a.fourDayCount.firstDate)} (from {formatDay(a.fourDayCount.from)}), {a.child.name} has{" "}
          {a.fourDayCount.counted.length} performance day{a.fourDayCount.counted.length === 1 ? "" : "s"} on record
          {a.fourDayCount.counted.length > a.fourDayCount.limit ? `: more than the ${a.fourDayCount.limit} the four-day rule allows (EXEMPT-4DAY).` : "."}
        </p>
      ) : null}
      {a.performanceHistory.length ? (
        <Table
          caption="On record"
          head={["Date", "Production", "Organiser", "Basis", "Council"]}
          rows={a.performanceHistory.map((h) => [
            `${formatDay(h.date)}${h.kind === "rehearsal" ? " (rehearsal)" : ""}`,
            h.productionTitle,
            h.organiserName,
            BASIS_LABELS[h.basis] ?? h.basis,
            h.authorityName,
          ])}
        />
      ) : (
        <p className="govuk-body">No performance days are on record for {a.child.name}.</p>
      )}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {OPEN_FOR_DECISION.includes(a.status) ? (
            <>
              <h2 className="govuk-heading-l">Decide</h2>
              <p className="govuk-body">
                <Link className="govuk-link" to={`/officer/productions/${a.production.id}/grant`}>
                  Grant the licences for {a.production.title} together
                </Link>
              </p>
              <h3 className="govuk-heading-m" id="grant-heading">
                Grant
              </h3>
              <PostForm form={getFormProps(grantForm)}>
                <input type="hidden" name="intent" value="grant" />
                {grantForm.errors?.length ? (
                  <div className="govuk-error-message" id="grant-section">
                    <span className="govuk-visually-hidden">Error:</span>
                    <ul className="govuk-list">
                      {grantForm.errors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {objected ? (
                  <Textarea
                    field={grantFields.objectionAnswer}
                    label="Your answer to the school's objection"
                    hint="Recorded in the decision and sent to the school with its copy of the licence"
                  />
                ) : null}
                {p.needsNightPermission ? (
                  <Checkboxes
                    field={grantFields.permitNightWork}
                    legend="Night work"
                    hint="The schedule has night work, which needs your council's express permission on the licence (HOURS-NIGHT)"
                    options={[{ value: "yes", label: "Permit the night work" }]}
                    small
                  />
                ) : null}
                <Checkboxes
                  field={grantFields.standardConditions}
                  legend="Conditions"
                  hint="Printed on the licence. Untick any that do not apply"
                  options={a.grant.standardConditions.map((c) => ({ value: c.id, label: c.text }))}
                  small
                />
                <Textarea field={grantFields.customConditions} label="Other conditions (optional)" hint="One condition per line" rows={4} />
                <Button>Grant and issue the licence</Button>
              </PostForm>

              <h3 className="govuk-heading-m">Ask for more information</h3>
              <PostForm form={getFormProps(infoForm)}>
                <input type="hidden" name="intent" value="request-information" />
                <Textarea field={infoFields.message} label="What do you need to know?" hint="The producer is emailed this and replies online; the parent is told" />
                <Button secondary>Send the request</Button>
              </PostForm>
            </>
          ) : null}
          {OPEN_FOR_DECISION.includes(a.status) || a.status === "information-requested" ? (
            <ReasonForm
              intent="refuse"
              form={getFormProps(refuseForm)}
              field={refuseFields.reasons}
              heading="h3"
              hint="The producer and the parent are emailed these reasons with their right of appeal to a magistrates' court"
            />
          ) : (
            <>
              <h2 className="govuk-heading-l">Decision</h2>
              <SummaryList
                rows={[
                  { key: "Decision", value: a.statusLabel },
                  ...(a.decision.decidedAt ? [{ key: "Decided", value: `${formatMoment(a.decision.decidedAt)} by ${a.decision.decidedBy ?? "not known"}` }] : []),
                  ...(a.decision.licence
                    ? [
                        {
                          key: "Licence",
                          value: (
                            <Link className="govuk-link" to={`/officer/documents/${a.decision.licence.reference}`}>
                              {a.decision.licence.reference}
                            </Link>
                          ),
                        },
                      ]
                    : []),
                  ...(a.decision.conditions.length
                    ? [
                        {
                          key: "Conditions",
                          value: (
                            <ul className="govuk-list govuk-list--bullet">
                              {a.decision.conditions.map((c) => (
                                <li key={c}>{c}</li>
                              ))}
                            </ul>
                          ),
                        },
                      ]
                    : []),
                  ...(a.decision.reason
                    ? [
                        {
                          key: a.status === "revoked" ? "Reason for revoking" : a.status === "granted" ? "Answer to the school's objection" : "Reasons",
                          value: preLine(a.decision.reason),
                        },
                      ]
                    : []),
                ]}
              />
              {a.status === "granted" ? (
                <ReasonForm
                  intent="revoke"
                  form={getFormProps(revokeForm)}
                  field={revokeFields.reason}
                  heading="h3"
                  hint="The licence is marked revoked in the register, and the producer and the parent are emailed the reason"
                  button="Revoke the licence"
                />
              ) : null}
            </>
          )}
        </div>
      </div>
      <RecordHistory events={a.events} />
    </>
  );
}
