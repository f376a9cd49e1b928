import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getMyChild } from "~/domain/children.server";
import { startPermitApplication } from "~/domain/employment-parent.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm } from "~/server/forms.server";
import { BackLink, Button, InsetText } from "~/ui/govuk/components";
import { PostForm } from "~/ui/govuk/form";

export const handle = { title: (d: { child?: { firstName: string } } | undefined) => `Apply for a work permit for ${d?.child?.firstName ?? "your child"}` };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "parent:use");
  const { child } = await guard(getMyChild(db(), actor, params.childId ?? ""));
  return json({ child: { id: child.id, name: child.name, firstName: child.firstName, age: child.age } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const { permitId, childId } = await guard(startPermitApplication(db(), actor, { as: "parent", childId: params.childId ?? "" }));
  return redirect(`/children/${childId}/permits/${permitId}`);
}

export default function NewChildPermit() {
  const { child } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${child.id}`}>{child.name}</BackLink>
        <h1 className="govuk-heading-l">Apply for a work permit for {child.firstName}</h1>
        <p className="govuk-body">
          Children from 13 until they leave school need a permit from the council to work part-time, paid or unpaid, for example on a paper round or in a shop.
          There is one permit for each job.
        </p>
        <p className="govuk-body">The application has two parts:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>yours: a question about {child.firstName}'s health and your consent</li>
          <li>the employer's: the business, the workplace, the job, the usual hours, supervision and a risk assessment</li>
        </ul>
        <p className="govuk-body">After your part, we will ask for the employer's email address and send them a link to fill in theirs.</p>
        {child.age < 13 ? <InsetText>{child.firstName} is {child.age}. Children under 13 cannot be employed, so the council would refuse a permit.</InsetText> : null}
        <PostForm>
          <Button>Start application</Button>
        </PostForm>
      </div>
    </div>
  );
}
