import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { listAuthorities } from "~/domain/chaperones.server";
import { addChild, listSchoolChoices } from "~/domain/children.server";
import { INVITATION_TOKEN } from "~/domain/children/describeChildInvitation";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { ChildForm, childSchema } from "~/ui/children/ChildForm";
import { childFormAction } from "~/ui/children/childForm.server";
import { BackLink } from "~/ui/govuk/components";
import { useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Add a child" };

const schema = childSchema("new");

/** Coming from a producer's invitation: back to it after saving. */
function invitationOf(request: Request) {
  const token = new URL(request.url).searchParams.get("invitation") ?? "";
  return INVITATION_TOKEN.test(token) ? token : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "parent:use");
  const [councils, schools] = await Promise.all([listAuthorities(db()), listSchoolChoices(db())]);
  return json({ councils, schools, invitation: invitationOf(request) });
}

export const action = (args: ActionFunctionArgs) =>
  childFormAction(args, "new", async (actor, input) => {
    const { childId } = await addChild(db(), actor, input);
    const invitation = invitationOf(args.request);
    return redirect(invitation ? `/child-invitations/${invitation}?child=${childId}` : `/children/${childId}?added=1`);
  });

export default function AddChild() {
  const { councils, schools, invitation } = useLoaderData<typeof loader>();
  const form = useGovukForm("child", schema, useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={invitation ? `/child-invitations/${invitation}` : "/children"} />
        <ChildForm form={form} heading="Add a child" submitLabel="Save child's details" councils={councils} schools={schools} askCouncil={false} />
      </div>
    </div>
  );
}
