import { formatDate, formatMoment } from "~/domain/calendar/dates";
import { HoldNotice } from "~/ui/safeguarding/HoldNotice";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { getBopaApplication, grantBopaApplication, refuseBopaApplication, revokeBopaApproval } from "~/domain/bopa.server";
import { BOPA_TEXT_MAX } from "~/domain/bopa/checks";
import { BOPA_STATUS_COLOURS } from "~/domain/bopa/states";
import { dateParts, parseDateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button, InsetText, LateTag, NotificationBanner, preLine, SummaryList, Table, Tag } from "~/ui/govuk/components";
import { Checkboxes, DateInput, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, resultsByForm, useGovukForm } from "~/ui/govuk/form";
import { RecordHistory } from "~/ui/history/RecordHistory";
import { FileLink } from "~/ui/officer/FileLink";
import { ReasonForm } from "~/ui/officer/ReasonForm";

export const handle = {
  title: (d: { application?: { reference: string } }) => (d?.application ? `Body of persons approval application ${d.application.reference}` : "Body of persons approval application"),
};

const ALWAYS = { when: () => true };

const grantSchema = z
  .object({
    standardConditions: z.array(z.string()).optional(),
    customConditions: z
      .string()
      .trim()
      .max(BOPA_TEXT_MAX.conditions, { error: `Other conditions must be ${BOPA_TEXT_MAX.conditions} characters or fewer` })
      .optional(),
    validFromDay: z.string().optional(),
    validFromMonth: z.string().optional(),
    validFromYear: z.string().optional(),
    validToDay: z.string().optional(),
    validToMonth: z.string().optional(),
    validToYear: z.string().optional(),
  })
  .superRefine(dateParts("validFrom", "date the approval starts"), ALWAYS)
  .superRefine(dateParts("validTo", "date the approval ends"), ALWAYS)
  .superRefine((v, ctx) => {
    const from = parseDateParts(v.validFromDay, v.validFromMonth, v.validFromYear, "");
    const to = parseDateParts(v.validToDay, v.validToMonth, v.validToYear, "");
    if ("iso" in from && "iso" in to && to.iso < from.iso) {
      ctx.addIssue({ code: "custom", path: ["validToDay"], message: "The date the approval ends must be the same as or after the date it starts" });
    }
  }, ALWAYS);

const refuseSchema = z.object({
  reasons: requiredText("Enter the reasons for refusing, which are sent to the producer", BOPA_TEXT_MAX.reasons, `Reasons must be ${BOPA_TEXT_MAX.reasons} characters or fewer`),
});
const revokeSchema = z.object({
  reason: requiredText("Enter the reason for revoking, which is sent to the producer", BOPA_TEXT_MAX.reasons, `The reason must be ${BOPA_TEXT_MAX.reasons} characters or fewer`),
});

const iso = (day: unknown, month: unknown, year: unknown) => {
  const parsed = parseDateParts(day, month, year, "date");
  return "iso" in parsed ? parsed.iso : "";
};

const dateFields = (prefix: string, value: string) => {
  const [y, m, d] = value.split("-");
  return { [`${prefix}Day`]: String(Number(d)), [`${prefix}Month`]: String(Number(m)), [`${prefix}Year`]: y };
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "bopa:decide");
  const application = await guard(getBopaApplication(db(), actor, params.applicationId ?? ""));
  return json({ application, done: new URL(request.url).searchParams.get("done") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "bopa:decide");
  const id = params.applicationId ?? "";
  const back = (done: string) => () => redirect(`/officer/bopa/${id}?done=${done}`);
  switch (formData.get("intent")) {
    case "grant":
      return submitForm(
        formData,
        grantSchema,
        (v) =>
          grantBopaApplication(
            db(),
            actor,
            id,
            {
              standardConditions: v.standardConditions ?? [],
              customConditions: v.customConditions,
              validFrom: iso(v.validFromDay, v.validFromMonth, v.validFromYear),
              validTo: iso(v.validToDay, v.validToMonth, v.validToYear),
            },
            context.baseUrl,
          ),
        back("granted"),
      );
    case "refuse":
      return submitForm(formData, refuseSchema, (v) => refuseBopaApplication(db(), actor, id, v.reasons, context.baseUrl), back("refused"));
    case "revoke":
      return submitForm(formData, revokeSchema, (v) => revokeBopaApproval(db(), actor, id, v.reason, context.baseUrl), back("revoked"));
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

/** Mounted afresh after each navigation, so a form's errors and answers never outlive the submission they came from. */
export default function OfficerBopaApplication() {
  return <ApplicationPage key={useLocation().key} />;
}

function ApplicationPage() {
  const { application: a, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const resultFor = resultsByForm(lastResult);
  const [grantForm, grantFields] = useGovukForm("grant", grantSchema, resultFor("grant"), {
    standardConditions: a.grant.standardConditions.map((c) => c.id),
    ...dateFields("validFrom", a.grant.validFrom),
    ...dateFields("validTo", a.grant.validTo),
  });
  const [refuseForm, refuseFields] = useGovukForm("refuse", refuseSchema, resultFor("refuse"));
  const [revokeForm, revokeFields] = useGovukForm("revoke", revokeSchema, resultFor("revoke"));

  const banner =
    done === "granted"
      ? `The approval is granted. ${a.approval?.reference ?? "The approval"} has been issued to ${a.organisationName} and ${a.submittedBy?.name ?? "the producer"} has been emailed.`
      : done === "refused"
        ? `The application has been refused and ${a.submittedBy?.name ?? "the producer"} has been emailed the reasons.`
        : done === "revoked"
          ? `The approval has been revoked and ${a.submittedBy?.name ?? "the producer"} has been emailed the reason.`
          : null;
  const fileLink = (file: "child-protection-policy" | "risk-assessment", upload: { filename: string; size: number } | null) => (
    <FileLink href={`/officer/bopa/${a.id}/files/${file}`} upload={upload} missing="Not found" />
  );

  return (
    <>
      <BackLink to="/officer/bopa">Body of persons approvals</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary form={grantForm} order={["standardConditions", "customConditions", "validFromDay", "validToDay"]} formErrorTarget="section" />
      <ErrorSummary form={refuseForm} order={["reasons"]} />
      <ErrorSummary form={revokeForm} order={["reason"]} />

      <span className="govuk-caption-l">Body of persons approval application {a.reference}</span>
      <h1 className="govuk-heading-l">{a.organisationName}</h1>
      <HoldNotice hold={a.hold} what="application" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              {
                key: "Status",
                value: (
                  <>
                    <Tag colour={BOPA_STATUS_COLOURS[a.status]}>{a.statusLabel}</Tag>
                    <LateTag late={a.late} />
                  </>
                ),
              },
              { key: "Sent", value: formatMoment(a.submittedAt) },
              { key: "Sent by", value: a.submittedBy ? `${a.submittedBy.name} (${a.submittedBy.email})` : "Not known" },
              { key: "Council", value: a.hostName },
            ]}
          />
          {a.late ? <InsetText>This application arrived less than 21 days before the first performance (BOPA-21). You may still decide it.</InsetText> : null}

          <h2 className="govuk-heading-m">Performances</h2>
          <SummaryList
            rows={[
              { key: "Performances or series", value: preLine(a.performances) },
              { key: "Period", value: `${formatDate(a.periodFrom)} to ${formatDate(a.periodTo)}` },
              { key: "Venues", value: preLine(a.venues) },
            ]}
          />
          <h2 className="govuk-heading-m">Children</h2>
          <SummaryList
            rows={[
              { key: "Number of children", value: a.childrenCount },
              { key: "Ages", value: `${a.youngestAge} to ${a.oldestAge}` },
              { key: "Chaperones", value: preLine(a.chaperoneArrangements) },
              { key: "Payment", value: a.noPaymentConfirmed ? "Confirmed: no child, or anyone for a child, will be paid beyond expenses" : "Not confirmed" },
            ]}
          />
          <h2 className="govuk-heading-m">Safeguarding</h2>
          <SummaryList
            rows={[
              { key: "Safeguarding lead", value: preLine([a.safeguardingLead.name, a.safeguardingLead.email, a.safeguardingLead.phone].join("\n")) },
              { key: "Child protection policy", value: fileLink("child-protection-policy", a.uploads.policy) },
              { key: "Risk assessment", value: fileLink("risk-assessment", a.uploads.riskAssessment) },
            ]}
          />
        </div>
      </div>

      <h2 className="govuk-heading-m">{a.organisationName} in this service</h2>
      {a.history.documents.length ? (
        <Table
          caption="Licences and approvals issued"
          head={["Reference", "Document", "Council", "Valid", "Status"]}
          rows={a.history.documents.map((d) => [d.reference, d.title, d.authorityName, `${formatDate(d.validFrom)} to ${formatDate(d.validTo)}`, d.statusLabel])}
        />
      ) : (
        <p className="govuk-body">No licences or approvals have been issued to {a.organisationName}.</p>
      )}
      {a.history.exemptPerformances.length ? (
        <Table
          caption="Exempt performances recorded"
          head={["Production", "Records"]}
          rows={a.history.exemptPerformances.map((e) => [e.title, e.count])}
        />
      ) : (
        <p className="govuk-body">No exempt performances have been recorded.</p>
      )}
      {a.history.otherApplications.length ? (
        <Table
          caption="Other body of persons approval applications"
          head={["Reference", "Council", "Period", "Outcome"]}
          rows={a.history.otherApplications.map((o) => [o.reference, o.hostName, `${formatDate(o.periodFrom)} to ${formatDate(o.periodTo)}`, o.statusLabel])}
        />
      ) : (
        <p className="govuk-body">No other body of persons approval applications.</p>
      )}

      {a.status === "submitted" ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m" id="grant-heading">
              Grant
            </h2>
            <PostForm form={getFormProps(grantForm)}>
              <input type="hidden" name="intent" value="grant" />
              {grantForm.errors?.length ? (
                <p className="govuk-error-message" id="grant-section">
                  <span className="govuk-visually-hidden">Error:</span> {grantForm.errors.join(". ")}
                </p>
              ) : null}
              <Checkboxes
                field={grantFields.standardConditions}
                legend="Conditions"
                hint="Printed on the approval. Untick any that do not apply"
                options={a.grant.standardConditions.map((c) => ({ value: c.id, label: c.text }))}
                small
              />
              <Textarea field={grantFields.customConditions} label="Other conditions (optional)" hint="One condition per line" rows={4} />
              <DateInput
                id="grant-validFrom"
                legend="Approval starts"
                hint={`The application asks from ${formatDate(a.periodFrom)}`}
                day={grantFields.validFromDay}
                month={grantFields.validFromMonth}
                year={grantFields.validFromYear}
              />
              <DateInput
                id="grant-validTo"
                legend="Approval ends"
                hint={`The application asks until ${formatDate(a.periodTo)}. Your council approves up to ${a.grant.maxMonths} months`}
                day={grantFields.validToDay}
                month={grantFields.validToMonth}
                year={grantFields.validToYear}
              />
              <Button>Grant and issue the approval</Button>
            </PostForm>

            <ReasonForm
              intent="refuse"
              form={getFormProps(refuseForm)}
              field={refuseFields.reasons}
              heading="h2"
              hint="The producer is emailed these reasons"
            />
          </div>
        </div>
      ) : (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Decision</h2>
            <SummaryList
              rows={[
                { key: "Decision", value: a.statusLabel },
                ...(a.decidedAt ? [{ key: "Decided", value: formatMoment(a.decidedAt) }] : []),
                ...(a.approval
                  ? [
                      {
                        key: "Approval",
                        value: (
                          <Link className="govuk-link" to={`/officer/documents/${a.approval.reference}`}>
                            {a.approval.reference}
                          </Link>
                        ),
                      },
                      { key: "Valid", value: `${formatDate(a.approval.validFrom)} to ${formatDate(a.approval.validTo)}` },
                    ]
                  : []),
                ...(a.conditions.length
                  ? [
                      {
                        key: "Conditions",
                        value: (
                          <ul className="govuk-list govuk-list--bullet">
                            {a.conditions.map((c) => (
                              <li key={c}>{c}</li>
                            ))}
                          </ul>
                        ),
                      },
                    ]
                  : []),
                ...(a.decisionReason ? [{ key: a.status === "revoked" ? "Reason for revoking" : "Reasons", value: preLine(a.decisionReason) }] : []),
              ]}
            />
            {a.status === "granted" ? (
              <ReasonForm
                intent="revoke"
                form={getFormProps(revokeForm)}
                field={revokeFields.reason}
                heading="h2"
                hint="The approval is marked revoked in the register and the producer is emailed the reason"
                button="Revoke the approval"
              />
            ) : null}
          </div>
        </div>
      )}
      <RecordHistory events={a.events} />
    </>
  );
}
