import { formatDate } from "~/domain/calendar/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RuleError } from "~/domain/errors";
import { confirmParentPart, } from "~/domain/licences-parent.server";
import { PARENT_SECTIONS, type ParentSectionSlug } from "~/domain/licences/parentSections";
import { LICENCE_RULES } from "~/domain/licences/rules";
import { dispatchEmails } from "~/domain/notifications.server";
import { requireCapability } from "~/server/auth.server";
import { loadParentSection } from "~/server/parent-part.server";
import { db } from "~/server/db.server";
import { readForm, toResponse } from "~/server/forms.server";
import { BackLink, Button, InsetText, SummaryList, UnansweredQuestions } from "~/ui/govuk/components";
import { ErrorSummaryBox, PostForm } from "~/ui/govuk/form";

export const handle = { title: "Check your answers" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { part, page } = await loadParentSection(request, context, params);
  const a = part.answers;
  return json({
    ...page,
    missing: part.missing,
    completedOn: a.parentPartCompletedAt ? a.parentPartCompletedAt.toISOString().slice(0, 10) : null,
    answers: {
      school: a.schoolId || a.schoolName ? part.school.label : null,
      hasHealthConditions: a.hasHealthConditions,
      healthDetails: a.healthDetails,
      hasOtherCouncilDecisions: a.hasOtherCouncilDecisions,
      otherCouncilDetails: a.otherCouncilDetails,
      photoTakenOn: a.photoUploadId ? a.photoTakenOn : null,
      birthCertificate: a.birthCertificateUploadId ? (part.birthCertificate?.filename ?? null) : null,
      consentName: a.consentName,
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const base = `/children/${params.childId}/applications/${params.applicationId}`;
  try {
    const { outboxIds } = await confirmParentPart(db(), actor, params.applicationId ?? "", context.baseUrl);
    await dispatchEmails(outboxIds);
  } catch (error) {
    if (!(error instanceof RuleError)) return toResponse(error);
    // Each problem links to its question; a form-level one to the application.
    const problems = Object.entries(error.fieldErrors).flatMap(([slug, messages]) =>
      messages.map((text) => ({ href: slug ? `${base}/${slug}?from=check` : base, text })),
    );
    return json({ problems }, { status: 400 });
  }
  return redirect(`${base}?confirmed=1`);
}

const yesNo = (value: boolean | null, details: string | null) =>
  value === null ? "Not answered" : value ? <span className="app-pre-line">Yes: {details}</span> : "No";

export default function CheckAnswers() {
  const { base, childFirstName, caption, missing, completedOn, answers: a } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const change = (slug: ParentSectionSlug, hidden: string) => ({ to: `${base}/${slug}?from=check`, label: "Change", hidden });
  const incomplete = PARENT_SECTIONS.filter((s) => missing[s.slug]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={base} />
        {result?.problems ? <ErrorSummaryBox items={result.problems} /> : null}
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">Check your answers</h1>
        <UnansweredQuestions base={base} questions={incomplete.map((s) => ({ slug: s.slug, text: missing[s.slug] ?? s.title }))} />
        <SummaryList
          rows={[
            { key: "School", value: a.school ?? "Not answered", action: change("school", "school") },
            { key: "Health conditions or disabilities", value: yesNo(a.hasHealthConditions, a.healthDetails), action: change("health", "health conditions or disabilities") },
            {
              key: `Licences from other councils in the last ${LICENCE_RULES["PERF-APP-OTHER"].months} months`,
              value: yesNo(a.hasOtherCouncilDecisions, a.otherCouncilDetails),
              action: change("other-councils", "licences from other councils"),
            },
            {
              key: "Photograph",
              value: a.photoTakenOn ? (
                <>
                  <img className="app-photo govuk-!-margin-bottom-2" src={`${base}/files/photo`} alt={`Photograph of ${childFirstName}`} width={120} />
                  <span className="govuk-!-display-block">Taken on {formatDate(a.photoTakenOn)}</span>
                </>
              ) : (
                "Not added"
              ),
              action: change("photo", "photograph"),
            },
            {
              key: "Birth certificate",
              value: a.birthCertificate ? (
                <a className="govuk-link" href={`${base}/files/birth-certificate`}>
                  {a.birthCertificate}
                </a>
              ) : (
                "Not added"
              ),
              action: change("birth-certificate", "birth certificate"),
            },
            { key: "Consent", value: a.consentName ? `Signed by ${a.consentName}` : "Not given", action: change("consent", "consent") },
          ]}
        />
        {completedOn ? (
          <InsetText>You confirmed your part on {formatDate(completedOn)}. If you change an answer, you will need to confirm your part again.</InsetText>
        ) : incomplete.length ? null : (
          <>
            <h2 className="govuk-heading-m">Now confirm your part</h2>
            <p className="govuk-body">
              By confirming, you agree that the information you have given is correct. We will tell the producer, who then sends the whole application to the
              council.
            </p>
            <PostForm>
              <Button>Confirm your part</Button>
            </PostForm>
          </>
        )}
      </div>
    </div>
  );
}
