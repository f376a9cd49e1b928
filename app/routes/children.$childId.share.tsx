import { formatDate } from "~/domain/calendar/dates";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { createShareCode, getMyChild } from "~/domain/children.server";
import { CHILD_RULES } from "~/domain/children/rules";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm } from "~/server/forms.server";
import { BackLink, Button, Panel } from "~/ui/govuk/components";
import { PostForm } from "~/ui/govuk/form";

export const handle = { title: (data: { firstName?: string } | undefined) => `Share code for ${data?.firstName ?? "your child"}` };

// The code is shown once: never keep the page in a cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "parent:use");
  const { child } = await guard(getMyChild(db(), actor, params.childId ?? ""));
  return json({ id: child.id, firstName: child.firstName });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const { code, expiresAt } = await guard(createShareCode(db(), actor, params.childId ?? ""));
  return json({ code, link: `${context.baseUrl}/share/${code}`, expiresOn: expiresAt.toISOString().slice(0, 10) }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ShareChild() {
  const { id, firstName } = useLoaderData<typeof loader>();
  const created = useActionData<typeof action>();
  if (!created) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink to={`/children/${id}`}>{firstName}</BackLink>
          <h1 className="govuk-heading-l">Share code for {firstName}</h1>
          <p className="govuk-body">
            A share code lets one production company see {firstName}'s details, so they can apply for a licence or record performances that do not need
            one. It works for one production only and stops working after {CHILD_RULES.shareCodeDays.days} days if nobody uses it.
          </p>
          <PostForm>
            <Button>Create a share code</Button>
          </PostForm>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title={`Share code for ${firstName}`}>
          <strong>{created.code}</strong>
        </Panel>
        <p className="govuk-body">
          We do not keep a copy of the code, so this is the only time you will see it. Write it down or copy it now.
        </p>
        <h2 className="govuk-heading-m">What to do with it</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            Give the code to the producer of the production {firstName} is taking part in. They can also open this link:{" "}
            <span className="app-hash">{created.link}</span>
          </li>
          <li>It works for one production only.</li>
          <li>It expires on {formatDate(created.expiresOn)} if nobody has used it.</li>
          <li>We will email you when a production uses it.</li>
          <li>You can remove the production's access, or cancel the code, at any time from {firstName}'s page.</li>
        </ul>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/children/${id}`}>
            Back to {firstName}'s details
          </Link>
        </p>
      </div>
    </div>
  );
}
