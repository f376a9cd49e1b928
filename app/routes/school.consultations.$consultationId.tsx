import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkExpiredError } from "~/domain/errors";
import { dispatchEmails } from "~/domain/notifications.server";
import { answerConsultation, type ConsultationPage, getSchoolConsultation } from "~/domain/school-consultations.server";
import { requireCapability } from "~/server/auth.server";
import { ANSWER_MESSAGES } from "~/domain/schools/answerWords";
import { db } from "~/server/db.server";
import { guard, invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink } from "~/ui/govuk/components";
import { AnswerSummary, ConsultationDetails, ConsultationForm, consultationSchemaForForm } from "~/ui/schools/ConsultationAnswer";

export const handle = {
  title: (d: ConsultationPage | undefined) =>
    d?.state === "answered"
      ? "The school's answer"
      : d?.state === "closed"
        ? "The council no longer needs an answer"
        : ANSWER_MESSAGES[d?.state === "open" ? d.view.kind : "performance"].title,
};

/** The same page as the emailed link, through the school's account: only consultations sent to the user's school (others are 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "school:use");
  return json(await guard(getSchoolConsultation(db(), actor, params.consultationId ?? "")));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "school:use");
  const submission = parseWithZod(formData, { schema: consultationSchemaForForm(formData) });
  if (submission.status !== "success") return invalid(submission);
  let outboxIds: string[];
  try {
    ({ outboxIds } = await answerConsultation(db(), actor, { consultationId: params.consultationId ?? "" }, submission.value, context.baseUrl));
  } catch (error) {
    // Answered meanwhile, or no longer needed: the page says which.
    if (error instanceof LinkExpiredError) return redirect(`/school/consultations/${params.consultationId}`);
    return replyWithError(submission, error);
  }
  await dispatchEmails(outboxIds);
  return redirect("/school?answered=1");
}

export default function SchoolConsultation() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/school">Your school</BackLink>
        {page.state === "open" ? (
          <ConsultationForm view={page.view} lastResult={lastResult} />
        ) : page.state === "answered" && page.details ? (
          <>
            <span className="govuk-caption-l">
              {page.details.view.authorityName}, application {page.details.view.reference}
            </span>
            <h1 className="govuk-heading-l">The school's answer</h1>
            <AnswerSummary answer={page.details.answer} kind={page.details.view.kind} />
            <ConsultationDetails view={page.details.view} answered />
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">The council no longer needs an answer</h1>
            <p className="govuk-body">The application has been decided or withdrawn, so the school does not need to answer.</p>
          </>
        )}
      </div>
    </div>
  );
}
