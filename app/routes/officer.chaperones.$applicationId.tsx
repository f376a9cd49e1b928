import { formatDate, formatMoment } from "~/domain/calendar/dates";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import {
  getChaperoneApplication,
  grantChaperoneLicence,
  judgeReference,
  recordChaperoneCheck,
  refuseChaperoneApplication,
  requestChaperoneInformation,
} from "~/domain/chaperones.server";
import { CHAPERONE_CHECKS, type CheckName, checkName, outcomeOf } from "~/domain/chaperones/checks";
import { dateParts, parseDateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button, InsetText, NotificationBanner, SummaryList, Tag, yesNoAnswer } from "~/ui/govuk/components";
import { DateInput, Radios, Textarea, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, resultsByForm, useGovukForm } from "~/ui/govuk/form";
import { RecordHistory } from "~/ui/history/RecordHistory";
import { ReasonForm } from "~/ui/officer/ReasonForm";

export const handle = { title: (d: { application?: { name: string } }) => (d?.application ? `Chaperone application: ${d.application.name}` : "Chaperone application") };

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .optional();

const checkSchema = z
  .object({
    check: z.enum(["identity", "dbs", "interview", "training"]),
    outcome: z.string().optional(),
    note: optionalText(500, "Note"),
    dateDay: z.string().optional(),
    dateMonth: z.string().optional(),
    dateYear: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const spec = CHAPERONE_CHECKS[v.check];
    if (!v.outcome || !outcomeOf(v.check, v.outcome)) {
      ctx.addIssue({ code: "custom", path: ["outcome"], message: `Select the result of the ${checkName(v.check)} check` });
    }
    if (spec.needsDate) dateParts("date", `date of the ${spec.label.toLowerCase()}`)(v, ctx);
  });

const judgeSchema = z.object({
  refereeId: z.string({ error: "Select a referee" }),
  judgement: z.enum(["satisfactory", "unsatisfactory"], { error: "Select whether the reference is satisfactory" }),
});

const informationSchema = z.object({ message: requiredText("Enter what you need from the applicant", 2000) });

const anyDatePart = (v: Record<string, unknown>, prefix: string) => ["Day", "Month", "Year"].some((p) => String(v[`${prefix}${p}`] ?? "").trim());

const grantSchema = z
  .object({
    startDateDay: z.string().optional(),
    startDateMonth: z.string().optional(),
    startDateYear: z.string().optional(),
    restrictions: optionalText(300, "Restrictions"),
  })
  .superRefine((v, ctx) => {
    if (anyDatePart(v, "startDate")) dateParts("startDate", "start date")(v, ctx);
  });

const refuseSchema = z.object({ reasons: requiredText("Enter the reasons for refusing, which are sent to the applicant", 2000) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "chaperone-application:decide");
  const application = await guard(getChaperoneApplication(db(), actor, params.applicationId ?? ""));
  const url = new URL(request.url);
  return json({ application, done: url.searchParams.get("done") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "chaperone-application:decide");
  const id = params.applicationId ?? "";
  const back = (done: string) => () => redirect(`/officer/chaperones/${id}?done=${done}`);
  switch (formData.get("intent")) {
    case "check":
      return submitForm(
        formData,
        checkSchema,
        ({ check, outcome, note, dateDay, dateMonth, dateYear }) => {
          const date = CHAPERONE_CHECKS[check].needsDate ? (parseDateParts(dateDay, dateMonth, dateYear, "date") as { iso: string }).iso : null;
          return recordChaperoneCheck(db(), actor, id, { check, outcome: outcome!, note, date });
        },
        back(`check-${formData.get("check")}`),
      );
    case "judge":
      return submitForm(formData, judgeSchema, (v) => judgeReference(db(), actor, id, v.refereeId, v.judgement), back("judged"));
    case "request-information":
      return submitForm(formData, informationSchema, (v) => requestChaperoneInformation(db(), actor, id, v.message, context.baseUrl), back("information-requested"));
    case "grant":
      return submitForm(
        formData,
        grantSchema,
        (v) => {
          const start = anyDatePart(v, "startDate") ? (parseDateParts(v.startDateDay, v.startDateMonth, v.startDateYear, "start date") as { iso: string }).iso : null;
          return grantChaperoneLicence(db(), actor, id, { startDate: start, restrictions: v.restrictions }, context.baseUrl);
        },
        back("granted"),
      );
    case "refuse":
      return submitForm(formData, refuseSchema, (v) => refuseChaperoneApplication(db(), actor, id, v.reasons, context.baseUrl), back("refused"));
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

const dateOrNot = (iso: string | null) => (iso ? formatDate(iso) : "Not given");

function Lines({ lines }: { lines: ReactNode[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

/** Mounted afresh after each navigation, so a form's errors and answers never outlive the submission they came from. */
export default function OfficerChaperoneApplication() {
  return <ApplicationPage key={useLocation().key} />;
}

function ApplicationPage() {
  const { application: a, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const resultFor = resultsByForm(lastResult, (sent) =>
    sent.intent === "check" ? `check-${sent.check}` : sent.intent === "judge" ? `judge-${sent.refereeId}` : String(sent.intent ?? ""),
  );

  // One form per check and per referee (two, CHAPLIC-REFEREES), so each keeps its own errors and answers.
  const checkForms = {
    identity: useGovukForm("check-identity", checkSchema, resultFor("check-identity")),
    dbs: useGovukForm("check-dbs", checkSchema, resultFor("check-dbs")),
    interview: useGovukForm("check-interview", checkSchema, resultFor("check-interview")),
    training: useGovukForm("check-training", checkSchema, resultFor("check-training")),
  } satisfies Record<CheckName, unknown>;
  const [referee1, referee2] = a.referees;
  const judgeForms = [
    useGovukForm("judge-1", judgeSchema, referee1 ? resultFor(`judge-${referee1.id}`) : undefined),
    useGovukForm("judge-2", judgeSchema, referee2 ? resultFor(`judge-${referee2.id}`) : undefined),
  ];
  const [infoForm, infoFields] = useGovukForm("request-information", informationSchema, resultFor("request-information"));
  const [grantForm, grantFields] = useGovukForm("grant", grantSchema, resultFor("grant"));
  const [refuseForm, refuseFields] = useGovukForm("refuse", refuseSchema, resultFor("refuse"));

  const doneCheck = a.checks.find((c) => `check-${c.name}` === done)?.name;
  const banner =
    done === "granted"
      ? `${a.name} is approved. Chaperone approval ${a.licenceReference} has been issued and ${a.name} has been emailed.`
      : done === "refused"
        ? `The application has been refused and ${a.name} has been emailed the reasons.`
        : done === "information-requested"
          ? `${a.name} has been emailed your request for more information.`
          : done === "judged"
            ? "Your judgement of the reference has been saved."
            : doneCheck
              ? `The ${checkName(doneCheck)} check has been recorded.`
              : null;

  return (
    <>
      <BackLink to="/officer/chaperones">Chaperone applications</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      {a.checks.map((c) => (
        <ErrorSummary key={c.name} form={checkForms[c.name][0]} order={["outcome", "dateDay", "note"]} formErrorTarget="outcome" />
      ))}
      {judgeForms.map(([form]) => (
        <ErrorSummary key={form.id} form={form} order={["judgement"]} />
      ))}
      <ErrorSummary form={infoForm} order={["message"]} />
      <ErrorSummary form={grantForm} order={["startDateDay", "restrictions"]} formErrorTarget="section" />
      <ErrorSummary form={refuseForm} order={["reasons"]} />

      <span className="govuk-caption-l">Chaperone application {a.reference}</span>
      <h1 className="govuk-heading-l">{a.name}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: "Status", value: <Tag colour={a.status === "granted" ? "green" : a.status === "refused" ? "red" : "blue"}>{a.statusLabel}</Tag> },
              { key: "Submitted", value: a.submittedAt ? formatMoment(a.submittedAt) : "Not submitted" },
              { key: "Type", value: a.renewal ? "Renewal" : "New approval" },
              { key: "Council", value: a.authorityName },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          {a.hasPhoto ? (
            <img className="app-photo" src={`/officer/chaperones/${a.id}/photo`} alt={`Photograph of ${a.name}`} width={140} height={180} />
          ) : (
            <p className="govuk-body">No photograph uploaded.</p>
          )}
        </div>
      </div>

      {a.status === "information-requested" && a.informationRequested ? (
        <InsetText>
          <p className="govuk-body">You asked {a.name} for more information:</p>
          <p className="govuk-body app-pre-line">{a.informationRequested}</p>
        </InsetText>
      ) : null}

      <h2 className="govuk-heading-m">Application</h2>
      <SummaryList
        rows={[
          { key: "Name", value: `${a.answers.firstName ?? ""} ${a.answers.lastName ?? ""}`.trim() },
          { key: "Other names", value: a.answers.otherNames || "None" },
          { key: "Date of birth", value: dateOrNot(a.answers.dateOfBirth) },
          { key: "Email address", value: a.applicantEmail ?? "Not known" },
          { key: "Phone", value: a.answers.phone ?? "Not given" },
          { key: "Address", value: <Lines lines={a.answers.address} /> },
          {
            key: "Identity documents",
            value: (
              <>
                <Lines lines={a.answers.identityDocuments} />
                <br />
                {a.answers.identityUploads} scan{a.answers.identityUploads === 1 ? "" : "s"} uploaded
              </>
            ),
          },
          { key: "DBS certificate number", value: a.answers.dbsCertificateNumber ?? "Not given" },
          { key: "DBS certificate issued", value: dateOrNot(a.answers.dbsIssueDate) },
          {
            key: "DBS Update Service",
            value: a.answers.dbsOnUpdateService ? `Yes${a.answers.dbsConsentToStatusCheck ? ", with consent to status checks" : ", without consent to status checks"}` : "No",
          },
          {
            key: "Training",
            value: a.answers.trainingDate
              ? `${formatDate(a.answers.trainingDate)}${a.answers.trainingProvider ? `, ${a.answers.trainingProvider}` : ""}${a.answers.trainingCertificate ? " (certificate uploaded)" : ""}`
              : "Not given",
          },
          { key: "Convictions or cautions", value: a.answers.hasConvictions ? `Yes: ${a.answers.convictionDetails ?? ""}` : yesNoAnswer(a.answers.hasConvictions) },
          {
            key: "Other councils' approvals or refusals",
            value: a.answers.hasOtherCouncilDecisions ? `Yes: ${a.answers.otherCouncilDetails ?? ""}` : yesNoAnswer(a.answers.hasOtherCouncilDecisions),
          },
        ]}
      />

      <h2 className="govuk-heading-m" id="checks">
        Checks
      </h2>
      {a.checks.map((c) => {
        const [form, fields] = checkForms[c.name];
        // Open when the server sent this form back with errors; left to the user otherwise (not tied to live validation).
        const openOnLoad = resultFor(`check-${c.name}`) !== undefined;
        return (
          <div key={c.name} className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s">{c.legend}</h3>
            <SummaryList
              rows={[
                {
                  key: "Result",
                  value: c.record ? (
                    <>
                      <Tag colour={c.satisfactory ? "green" : "red"}>{c.record.outcomeLabel}</Tag>
                      {c.record.date ? ` on ${formatDate(c.record.date)}` : ""}
                    </>
                  ) : (
                    "Not recorded"
                  ),
                },
                ...(c.record?.note ? [{ key: "Note", value: c.record.note }] : []),
                ...(c.record ? [{ key: "Recorded by", value: `${c.record.by}, ${formatMoment(c.record.at)}` }] : []),
              ]}
            />
            {a.open ? (
              <details className="govuk-details" open={openOnLoad}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">
                    {c.record ? "Change" : "Record"} the {checkName(c.name)} check
                  </span>
                </summary>
                <div className="govuk-details__text">
                  <PostForm form={getFormProps(form)}>
                    <input type="hidden" name="intent" value="check" />
                    <input type="hidden" name="check" value={c.name} />
                    <Radios field={fields.outcome} legend={`Result of the ${checkName(c.name)} check`} hint={c.hint ?? undefined} options={c.outcomes} small />
                    {c.needsDate ? (
                      <DateInput
                        id={`check-${c.name}-date`}
                        legend={`Date of the ${c.label.toLowerCase()}`}
                        hint="For example, 27 3 2026"
                        day={fields.dateDay}
                        month={fields.dateMonth}
                        year={fields.dateYear}
                      />
                    ) : null}
                    <TextInput field={fields.note} label="Note (optional)" hint="For example, which documents you saw" />
                    <Button secondary>Save the {checkName(c.name)} check</Button>
                  </PostForm>
                </div>
              </details>
            ) : null}
          </div>
        );
      })}

      <h2 className="govuk-heading-m" id="references">
        References
      </h2>
      {a.referees.map((r, i) => {
        const judge = judgeForms[i];
        return (
          <div key={r.id} className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s">
              Referee {r.position}: {r.name}
            </h3>
            <SummaryList
              rows={[
                { key: "Relationship", value: r.relationship },
                { key: "Email address", value: r.email },
                ...(r.responded && r.response
                  ? [
                      { key: "Responded", value: r.submittedAt ? formatMoment(r.submittedAt) : "" },
                      { key: "Known the applicant for", value: `${r.response.yearsKnown} years` },
                      { key: "In what capacity", value: r.response.capacity },
                      { key: "Suitable to look after children", value: r.response.suitable ? "Yes" : "No" },
                      { key: "Concerns", value: r.response.concerns || "None" },
                      { key: "Comments", value: r.response.comments || "None" },
                    ]
                  : [{ key: "Reference", value: r.requestedAt ? `Asked on ${formatMoment(r.requestedAt)}; not received yet` : "Not asked yet" }]),
                {
                  key: "Judgement",
                  value: r.judgement ? (
                    <>
                      <Tag colour={r.judgement === "satisfactory" ? "green" : "red"}>{r.judgement === "satisfactory" ? "Satisfactory" : "Unsatisfactory"}</Tag>
                      {r.judgedBy ? ` by ${r.judgedBy}` : ""}
                    </>
                  ) : (
                    "Not judged"
                  ),
                },
              ]}
            />
            {a.open && r.responded && judge ? (
              <PostForm form={getFormProps(judge[0])}>
                <input type="hidden" name="intent" value="judge" />
                <input type="hidden" name="refereeId" value={r.id} />
                <Radios
                  field={judge[1].judgement}
                  legend={`Is the reference from ${r.name} satisfactory?`}
                  options={[
                    { value: "satisfactory", label: "Satisfactory" },
                    { value: "unsatisfactory", label: "Unsatisfactory" },
                  ]}
                  small
                />
                <Button secondary>Save judgement of {r.name}'s reference</Button>
              </PostForm>
            ) : null}
          </div>
        );
      })}

      {a.open ? (
        <>
          <h2 className="govuk-heading-m" id="approve">
            Approve
          </h2>
          {a.missing.length ? (
            <InsetText>
              <p className="govuk-body">Before you can approve {a.name}:</p>
              <ul className="govuk-list govuk-list--bullet">
                {a.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </InsetText>
          ) : null}
          <PostForm form={getFormProps(grantForm)}>
            <input type="hidden" name="intent" value="grant" />
            {grantForm.errors?.length ? (
              <p className="govuk-error-message" id="grant-section">
                <span className="govuk-visually-hidden">Error:</span> {grantForm.errors.join(". ")}
              </p>
            ) : null}
            <DateInput
              id="grant-startDate"
              legend="Start date"
              hint={`Leave blank to start it on ${formatDate(a.grant.startDate)}. It will be valid for ${a.grant.years} years: from ${formatDate(a.grant.validFrom)} to ${formatDate(a.grant.validTo)} if it starts then`}
              day={grantFields.startDateDay}
              month={grantFields.startDateMonth}
              year={grantFields.startDateYear}
            />
            <TextInput
              field={grantFields.restrictions}
              label="Restrictions (optional)"
              hint="Limits on the children they may look after, for example “Only children aged 10 or over” or “Only girls”. Printed on the licence"
            />
            <Button>Approve and issue the licence</Button>
          </PostForm>

          {a.status !== "information-requested" ? (
            <>
              <h2 className="govuk-heading-m">Ask for more information</h2>
              <PostForm form={getFormProps(infoForm)}>
                <input type="hidden" name="intent" value="request-information" />
                <Textarea field={infoFields.message} label="What do you need from the applicant?" hint="They are emailed this, and can change and resend their application" />
                <Button secondary>Ask for more information</Button>
              </PostForm>
            </>
          ) : null}

          <ReasonForm
            intent="refuse"
            form={getFormProps(refuseForm)}
            field={refuseFields.reasons}
            heading="h2"
            hint="The applicant is emailed these reasons"
          />
        </>
      ) : (
        <>
          <h2 className="govuk-heading-m">Decision</h2>
          <SummaryList
            rows={[
              { key: "Decision", value: a.statusLabel },
              ...(a.decidedAt ? [{ key: "Decided", value: formatMoment(a.decidedAt) }] : []),
              ...(a.licenceReference
                ? [
                    {
                      key: "Chaperone approval",
                      value: (
                        <Link className="govuk-link" to={`/officer/documents/${a.licenceReference}`}>
                          {a.licenceReference}
                        </Link>
                      ),
                    },
                  ]
                : []),
              ...(a.validFrom && a.validTo ? [{ key: "Valid", value: `${formatDate(a.validFrom)} to ${formatDate(a.validTo)}` }] : []),
              ...(a.status === "granted" ? [{ key: "Restrictions", value: a.restrictions ?? "None" }] : []),
              ...(a.decisionReason ? [{ key: "Reasons", value: a.decisionReason }] : []),
            ]}
          />
        </>
      )}

      <RecordHistory events={a.history} />
    </>
  );
}
