import { formatDate } from "~/domain/calendar/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { confirmParentPermitPart } from "~/domain/employment-parent.server";
import { RuleError } from "~/domain/errors";
import { dispatchEmails } from "~/domain/notifications.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm, toResponse } from "~/server/forms.server";
import { loadParentPermit } from "~/server/permit-application.server";
import { BackLink, Button, InsetText, SummaryList, UnansweredQuestions } from "~/ui/govuk/components";
import { ErrorSummaryBox, PostForm } from "~/ui/govuk/form";

export const handle = { title: "Check your answers" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base, child } = await loadParentPermit(request, context, params, { editable: true });
  return json({
    base,
    child,
    caption: `${child.name}: work permit`,
    parent: view.parent,
    incomplete: view.parent.sections.filter((s) => s.status !== "Completed"),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const base = `/children/${params.childId}/permits/${params.permitId}`;
  try {
    const { outboxIds } = await confirmParentPermitPart(db(), actor, params.permitId ?? "", context.baseUrl);
    await dispatchEmails(outboxIds);
  } catch (error) {
    if (!(error instanceof RuleError)) return toResponse(error);
    const problems = Object.entries(error.fieldErrors).flatMap(([slug, messages]) => messages.map((text) => ({ href: slug ? `${base}/${slug}?from=check` : base, text })));
    return json({ problems }, { status: 400 });
  }
  return redirect(`${base}?confirmed=1`);
}

export default function CheckParentPart() {
  const { base, child, caption, parent: p, incomplete } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const change = (slug: string, hidden: string) => ({ to: `${base}/${slug}?from=check`, label: "Change", hidden });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={base} />
        {result?.problems ? <ErrorSummaryBox items={result.problems} /> : null}
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">Check your answers</h1>
        <UnansweredQuestions base={base} questions={incomplete.map((s) => ({ slug: s.slug, text: s.title }))} />
        <SummaryList
          rows={[
            { key: "Child", value: `${child.name}, born ${formatDate(child.dateOfBirth)}` },
            { key: "School", value: child.school ?? "Not given" },
            {
              key: "Health conditions or disabilities",
              value: p.hasHealthConditions === null ? "Not answered" : p.hasHealthConditions ? <span className="app-pre-line">Yes: {p.healthDetails}</span> : "No",
              action: change("health", "health conditions or disabilities"),
            },
            { key: "Consent", value: p.consentName ? `Signed by ${p.consentName}` : "Not given", action: change("consent", "consent") },
          ]}
        />
        <p className="govuk-body">
          To change {child.firstName}'s school or other details,{" "}
          <Link className="govuk-link" to={`/children/${child.id}/edit`}>
            change them on {child.firstName}'s page
          </Link>
          .
        </p>
        {p.confirmedAt ? (
          <InsetText>You confirmed your part on {formatDate(String(p.confirmedAt).slice(0, 10))}. If you change an answer, you will need to confirm it again.</InsetText>
        ) : incomplete.length ? null : (
          <>
            <h2 className="govuk-heading-m">Now confirm your part</h2>
            <p className="govuk-body">By confirming, you agree that the information you have given is correct. We will tell the employer.</p>
            <PostForm>
              <Button>Confirm your part</Button>
            </PostForm>
          </>
        )}
      </div>
    </div>
  );
}
