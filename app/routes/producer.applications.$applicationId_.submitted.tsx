import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getLicenceSubmission } from "~/domain/licences-parent.server";
import { LICENCE_RULES } from "~/domain/licences/rules";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { Panel, WarningText } from "~/ui/govuk/components";

export const handle = { title: "Application sent" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const s = await guard(getLicenceSubmission(db(), actor, params.applicationId ?? ""));
  if (!s.reference) throw redirect(`/producer/applications/${s.id}/submit`);
  return json({
    id: s.id,
    reference: s.reference,
    childName: s.childName,
    authorityName: s.authorityName,
    late: s.late,
    schoolAnswerDueOn: s.schoolAnswerDueOn,
    email: actor.email,
  });
}

export default function Submitted() {
  const { id, reference, childName, authorityName, late, schoolAnswerDueOn, email } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Application sent">
          Your reference number
          <br />
          <strong>{reference}</strong>
        </Panel>
        <p className="govuk-body">
          We have sent a confirmation email to {email}, and told {childName}'s parent.
        </p>
        {late ? (
          <WarningText>
            The first day is less than {LICENCE_RULES["PERF-APP-21"].days} days away. {authorityName} may refuse an application it receives this late, or may
            not be able to decide in time. {childName} must not take part until the licence is granted.
          </WarningText>
        ) : null}
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">A licensing officer at {authorityName} will decide whether to grant the licence.</p>
        {schoolAnswerDueOn ? (
          <p className="govuk-body">
            We have asked {childName}'s school for its view on the school days {childName} would miss. The school has until {formatDate(schoolAnswerDueOn)} to
            answer.
          </p>
        ) : (
          <p className="govuk-body">The council may ask {childName}'s school for its view.</p>
        )}
        <p className="govuk-body">The officer may ask you for more information. We will email you when they have decided; if they grant it, you can download the licence.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/producer/applications/${id}`}>
            See the application
          </Link>
        </p>
      </div>
    </div>
  );
}
