import { formatDate } from "~/domain/calendar/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { submitChaperoneApplication } from "~/domain/chaperones.server";
import { IDENTITY_DOCUMENT_TYPES, type IdentityDocumentType, SECTIONS, type SectionSlug } from "~/domain/chaperones/sections";
import { RuleError } from "~/domain/errors";
import { dispatchEmails } from "~/domain/notifications.server";
import { requireCapability } from "~/server/auth.server";
import { requireEditableApplication } from "~/server/chaperone-applicant.server";
import { db } from "~/server/db.server";
import { readForm, toResponse } from "~/server/forms.server";
import { BackLink, Button, SummaryList, type SummaryRow, WarningText, yesNoAnswer } from "~/ui/govuk/components";
import { ErrorSummaryBox, PostForm } from "~/ui/govuk/form";

export const handle = { title: "Check your answers before sending your application" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application } = await requireEditableApplication(request, context);
  return json({ application });
}

/**
 * "Accept and send". The form names the application it shows, so a replay (back and send again, a network retry)
 * or a double-click sends that one only once: every answer goes to the same confirmation (decision 028).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "chaperone:use");
  const named = form.get("applicationId");
  const applicationId = typeof named === "string" && named ? named : undefined;
  try {
    const { outboxIds } = await submitChaperoneApplication(db(), actor, context.baseUrl, { applicationId });
    await dispatchEmails(outboxIds);
  } catch (error) {
    if (!(error instanceof RuleError)) return toResponse(error);
    // Each problem links to the section to fix; a form-level one to the task list.
    const problems = Object.entries(error.fieldErrors).flatMap(([section, messages]) =>
      messages.map((text) => ({ href: section ? `/chaperone/application/${section}?from=check` : "/chaperone/application", text })),
    );
    return json({ error: true, problems }, { status: 400 });
  }
  return redirect("/chaperone/application/submitted");
}



function Lines({ lines }: { lines: (string | null | undefined)[] }) {
  const shown = lines.filter(Boolean);
  if (!shown.length) return <>Not answered</>;
  return (
    <>
      {shown.map((line, i) => (
        <span key={i}>
          {line}
          {i < shown.length - 1 ? <br /> : null}
        </span>
      ))}
    </>
  );
}

export default function CheckAnswers() {
  const { application } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const a = application.answers;
  const change = (slug: SectionSlug, hidden: string) => ({ to: `/chaperone/application/${slug}?from=check`, label: "Change", hidden });
  const referee = (n: number) => application.referees.find((r) => r.position === n);
  const incomplete = SECTIONS.filter((s) => application.incomplete[s.slug]);

  const sections: Record<SectionSlug, SummaryRow[]> = {
    "personal-details": [
      { key: "Name", value: `${a.firstName ?? ""} ${a.lastName ?? ""}`.trim() || "Not answered", action: change("personal-details", "your name") },
      { key: "Other names", value: a.otherNames || "None", action: change("personal-details", "other names you have used") },
      { key: "Date of birth", value: a.dateOfBirth ? formatDate(a.dateOfBirth) : "Not answered", action: change("personal-details", "your date of birth") },
      { key: "Telephone number", value: a.phone ?? "Not answered", action: change("personal-details", "your telephone number") },
    ],
    address: [
      { key: "Address", value: <Lines lines={[a.addressLine1, a.addressLine2, a.town, a.postcode]} />, action: change("address", "your address") },
      { key: "Council", value: application.authority?.name ?? "Not known", action: change("address", "your council") },
    ],
    photo: [
      {
        key: "Photograph",
        value: application.photo ? (
          <img className="app-photo" src={`/chaperone/uploads/${application.photo.id}`} alt="The photograph you uploaded" width={120} />
        ) : (
          "Not uploaded"
        ),
        action: change("photo", "your photograph"),
      },
    ],
    identity: [
      {
        key: "Documents you will bring",
        value: <Lines lines={a.identityDocumentTypes.map((t) => IDENTITY_DOCUMENT_TYPES[t as IdentityDocumentType] ?? t)} />,
        action: change("identity", "the documents you will bring"),
      },
      { key: "Scan uploaded", value: application.identityScan?.filename ?? "Not uploaded", action: change("identity", "the scan of your document") },
    ],
    dbs: [
      { key: "Certificate number", value: a.dbsCertificateNumber ?? "Not answered", action: change("dbs", "your DBS certificate number") },
      { key: "Date of issue", value: a.dbsIssueDate ? formatDate(a.dbsIssueDate) : "Not answered", action: change("dbs", "the date your DBS certificate was issued") },
      {
        key: "On the Update Service",
        value: a.dbsOnUpdateService ? `Yes${a.dbsConsentToStatusCheck ? ", and you agree to status checks" : ""}` : yesNoAnswer(a.dbsOnUpdateService),
        action: change("dbs", "whether your certificate is on the Update Service"),
      },
    ],
    referees: [1, 2].map((n) => {
      const r = referee(n);
      return {
        key: `Referee ${n}`,
        value: r ? <Lines lines={[r.name, r.email, r.relationship]} /> : "Not answered",
        action: change("referees", `referee ${n}`),
      };
    }),
    training: [
      { key: "Date completed", value: a.trainingDate ? formatDate(a.trainingDate) : "Not answered", action: change("training", "the date you completed the training") },
      { key: "Given by", value: a.trainingProvider ?? "Not answered", action: change("training", "who gave the training") },
      { key: "Certificate", value: application.trainingCertificate?.filename ?? "Not uploaded", action: change("training", "your training certificate") },
    ],
    declarations: [
      {
        key: "Convictions or cautions",
        value: a.hasConvictions ? <span className="app-pre-line">Yes: {a.convictionDetails}</span> : yesNoAnswer(a.hasConvictions),
        action: change("declarations", "your answer about convictions or cautions"),
      },
      {
        key: "Other councils' decisions",
        value: a.hasOtherCouncilDecisions ? <span className="app-pre-line">Yes: {a.otherCouncilDetails}</span> : yesNoAnswer(a.hasOtherCouncilDecisions),
        action: change("declarations", "your answer about other councils"),
      },
      { key: "Declaration", value: a.declarationConfirmed ? "You confirmed the information is true" : "Not confirmed", action: change("declarations", "your declaration") },
    ],
  };

  let body: ReactNode = null;
  if (incomplete.length) {
    body = (
      <>
        <WarningText>You cannot send your application until you have completed every section.</WarningText>
        <ul className="govuk-list govuk-list--bullet">
          {incomplete.map((s) => (
            <li key={s.slug}>
              <Link className="govuk-link" to={`/chaperone/application/${s.slug}?from=check`}>
                {application.incomplete[s.slug]}
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  } else {
    body = (
      <>
        <h2 className="govuk-heading-m">Now send your application</h2>
        <p className="govuk-body">
          By sending this application you confirm that, to the best of your knowledge, the details you have given are correct. We will email your
          referees straight away.
        </p>
        <PostForm>
          <input type="hidden" name="applicationId" value={application.id} />
          <Button>Accept and send</Button>
        </PostForm>
      </>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/chaperone/application" />
        {result?.problems ? <ErrorSummaryBox items={result.problems} /> : null}
        <span className="govuk-caption-l">Apply to be a chaperone</span>
        <h1 className="govuk-heading-l">Check your answers before sending your application</h1>
        {incomplete.length ? body : null}
        {SECTIONS.map((s) => (
          <div key={s.slug}>
            <h2 className="govuk-heading-m">{s.title}</h2>
            <SummaryList rows={sections[s.slug]} />
          </div>
        ))}
        {incomplete.length ? null : body}
      </div>
    </div>
  );
}
