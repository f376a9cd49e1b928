import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { publicActor } from "~/domain/actor";
import { LinkExpiredError } from "~/domain/errors";
import { dispatchEmails } from "~/domain/notifications.server";
import { answerConsultation, type ConsultationPage, getConsultationByToken } from "~/domain/school-consultations.server";
import { ANSWER_MESSAGES } from "~/domain/schools/answerWords";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { limitByAddress } from "~/server/rate-limit.server";
import { ConsultationForm, consultationSchemaForForm, formatLong } from "~/ui/schools/ConsultationAnswer";

const TITLES = {
  open: ANSWER_MESSAGES.performance.title,
  answered: "The school has already answered",
  expired: "This link has expired",
  closed: "The council no longer needs an answer",
};
export const handle = { title: (d: ConsultationPage | undefined) => (d?.state === "open" ? ANSWER_MESSAGES[d.view.kind].title : TITLES[d?.state ?? "expired"]) };

// The link is a secret: keep it out of search engines.
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

/** Public: the school has no account here, or is not signed in; the token in the emailed link is its key. */
export async function loader({ params }: LoaderFunctionArgs) {
  const page = await getConsultationByToken(db(), params.token ?? "");
  return json(page, { status: page.state === "expired" || page.state === "closed" ? 410 : 200 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  await limitByAddress(context, "school-consultation", 30);
  const submission = parseWithZod(formData, { schema: consultationSchemaForForm(formData) });
  if (submission.status !== "success") return invalid(submission);
  let outboxIds: string[];
  try {
    ({ outboxIds } = await answerConsultation(db(), publicActor(context.ip), { token: params.token ?? "" }, submission.value, context.baseUrl));
  } catch (error) {
    // The page itself says the link has expired, or has been answered.
    if (error instanceof LinkExpiredError) return redirect(`/school-consultations/${encodeURIComponent(params.token ?? "")}`);
    return replyWithError(submission, error);
  }
  await dispatchEmails(outboxIds);
  return redirect("/school-consultations/thank-you");
}

export default function SchoolConsultation() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {page.state === "open" ? (
          <ConsultationForm view={page.view} lastResult={lastResult} />
        ) : page.state === "answered" ? (
          <>
            <h1 className="govuk-heading-l">{TITLES.answered}</h1>
            <p className="govuk-body">
              {page.answeredBy} answered on {formatLong(page.answeredAt)}. Each application can only be answered once.
            </p>
            <p className="govuk-body">If the school's view has changed, contact the council's licensing team.</p>
          </>
        ) : page.state === "closed" ? (
          <>
            <h1 className="govuk-heading-l">{TITLES.closed}</h1>
            <p className="govuk-body">The application has been decided or withdrawn, so the school does not need to answer.</p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">{TITLES.expired}</h1>
            <p className="govuk-body">Links to give the school's view work for 14 days, and only the newest link we sent works.</p>
            <p className="govuk-body">If your school has an account with us, sign in to answer. Otherwise contact the council's licensing team for a new link.</p>
          </>
        )}
      </div>
    </div>
  );
}
