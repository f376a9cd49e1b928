import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getMyBopaApplication } from "~/domain/bopa.server";
import { BOPA_STATUS_COLOURS } from "~/domain/bopa/states";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { BackLink, InsetText, LateTag, preLine, SummaryList, Tag } from "~/ui/govuk/components";

export const handle = { title: (d: { application?: { reference: string } }) => (d?.application ? `Body of persons approval application ${d.application.reference}` : "Application") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  return json({ application: await guard(getMyBopaApplication(db(), actor, params.applicationId ?? "")) });
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

export default function ProducerBopaApplication() {
  const { application: a } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/producer/bopa">Body of persons approvals</BackLink>
      <span className="govuk-caption-l">{a.organisationName}</span>
      <h1 className="govuk-heading-l">Application {a.reference}</h1>
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
              { key: "Council", value: a.hostName },
              { key: "Sent", value: dateTime.format(new Date(a.submittedAt)) },
              ...(a.decidedAt ? [{ key: "Decided", value: dateTime.format(new Date(a.decidedAt)) }] : []),
            ]}
          />
          {a.status === "submitted" ? <InsetText>{a.hostName} has not decided yet. We will email you when they have.</InsetText> : null}

          {a.approval && a.status === "granted" ? (
            <>
              <h2 className="govuk-heading-m">Approval</h2>
              <SummaryList
                rows={[
                  {
                    key: "Reference",
                    value: (
                      <a className="govuk-link" href={`/documents/${a.approval.reference}.pdf`} download>
                        Download {a.approval.reference} (PDF)
                      </a>
                    ),
                  },
                  { key: "Valid", value: `${formatDate(a.approval.validFrom)} to ${formatDate(a.approval.validTo)}` },
                ]}
              />
            </>
          ) : null}
          {a.conditions.length ? (
            <>
              <h2 className="govuk-heading-m">Conditions</h2>
              <ul className="govuk-list govuk-list--bullet">
                {a.conditions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          ) : null}
          {a.decisionReason ? (
            <>
              <h2 className="govuk-heading-m">{a.status === "revoked" ? "Reason for revoking" : "Reasons for refusing"}</h2>
              <p className="govuk-body app-pre-line">{a.decisionReason}</p>
            </>
          ) : null}

          <h2 className="govuk-heading-m">Your application</h2>
          <SummaryList
            rows={[
              { key: "Organisation", value: a.organisationName },
              { key: "Performances", value: preLine(a.performances) },
              { key: "Period", value: `${formatDate(a.periodFrom)} to ${formatDate(a.periodTo)}` },
              { key: "Venues", value: preLine(a.venues) },
              { key: "Number of children", value: a.childrenCount },
              { key: "Ages", value: `${a.youngestAge} to ${a.oldestAge}` },
              { key: "Safeguarding lead", value: preLine([a.safeguardingLead.name, a.safeguardingLead.email, a.safeguardingLead.phone].join("\n")) },
              { key: "Child protection policy", value: a.policyFilename },
              { key: "Risk assessment", value: a.riskAssessmentFilename },
              { key: "Chaperones", value: preLine(a.chaperoneArrangements) },
              { key: "Payment", value: "No child, or anyone for a child, will be paid beyond expenses" },
            ]}
          />
        </div>
      </div>
    </>
  );
}
