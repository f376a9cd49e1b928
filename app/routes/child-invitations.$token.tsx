import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { acceptChildInvitation, describeChildInvitation, listMyChildren } from "~/domain/children.server";
import { LinkExpiredError } from "~/domain/errors";
import { can } from "~/domain/identity/capabilities";
import { getCurrent, requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { Button } from "~/ui/govuk/components";
import { Radios } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

type Data = SerializeFrom<typeof loader>;

const TITLES = { open: "Add your child to a production", expired: "This invitation has expired", used: "This invitation has already been used" };
export const handle = { title: (d: { invitation?: { state: keyof typeof TITLES } } | undefined) => TITLES[d?.invitation?.state ?? "expired"] };

// The link is a secret: keep it out of search engines.
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

const schema = z.object({ childId: z.string({ error: "Select your child" }) });

/** A producer's emailed invitation: whoever signs in with the parent role picks one of their children to share. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const invitation = await describeChildInvitation(db(), token);
  const current = invitation.state === "open" ? await getCurrent(request, context) : null;
  const parent = !!current && can(current.actor, "parent:use");
  const url = new URL(request.url);
  return json(
    {
      invitation,
      token,
      signedIn: !!current,
      parent,
      children: parent ? (await listMyChildren(db(), current.actor)).map((c) => ({ id: c.id, name: c.name, age: c.age })) : [],
      chosen: url.searchParams.get("child") ?? undefined,
      path: url.pathname,
    },
    { status: invitation.state === "open" ? 200 : 410 },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await acceptChildInvitation(db(), actor, params.token ?? "", submission.value.childId);
  } catch (error) {
    // The page itself says the invitation has expired or been used.
    if (error instanceof LinkExpiredError) return redirect(`/child-invitations/${encodeURIComponent(params.token ?? "")}`);
    return replyWithError(submission, error);
  }
  return redirect(`/children/${submission.value.childId}?shared=1`);
}

export default function ChildInvitation() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {data.invitation.state === "open" ? (
          <Invitation data={data} invitation={data.invitation} />
        ) : data.invitation.state === "used" ? (
          <>
            <h1 className="govuk-heading-l">This invitation has already been used</h1>
            <p className="govuk-body">A child has already been added to the production with this link. Each link can only be used once.</p>
            <p className="govuk-body">
              You can see who can see your children's details on{" "}
              <Link className="govuk-link" to="/children">
                your children's pages
              </Link>
              .
            </p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">This invitation has expired</h1>
            <p className="govuk-body">This invitation has expired or has already been used. Ask the production company to invite you again.</p>
          </>
        )}
      </div>
    </div>
  );
}

function Invitation({ data, invitation }: { data: Data; invitation: Extract<Data["invitation"], { state: "open" }> }) {
  const [form, fields] = useGovukForm("accept", schema, useActionData<typeof action>(), { childId: data.chosen });
  const intro = (
    <p className="govuk-body">
      {invitation.organisationName} has asked you to share {invitation.childName}'s details with them for {invitation.productionTitle}. They need them to
      apply for a licence, or to record performances that do not need one. You can remove their access at any time.
    </p>
  );
  if (!data.signedIn) {
    return (
      <>
        <h1 className="govuk-heading-l">Add your child to a production</h1>
        {intro}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/sign-in?redirectTo=${encodeURIComponent(data.path)}`}>
            Sign in to continue
          </Link>
          .
        </p>
        <p className="govuk-body">
          If you do not have an account,{" "}
          <Link className="govuk-link" to="/register">
            create one
          </Link>{" "}
          as a parent, then open the link in the email again.
        </p>
      </>
    );
  }
  if (!data.parent) {
    return (
      <>
        <h1 className="govuk-heading-l">Add your child to a production</h1>
        {intro}
        <p className="govuk-body">
          Your account is not set up for parents yet.{" "}
          <Link className="govuk-link" to="/account/roles">
            Add the parent role to your account
          </Link>
          , then open the link in the email again.
        </p>
      </>
    );
  }
  const addChild = (
    <Link className="govuk-link" to={`/children/new?invitation=${encodeURIComponent(data.token)}`}>
      Add a new child
    </Link>
  );
  return (
    <>
      <ErrorSummary form={form} order={["childId"]} />
      <h1 className="govuk-heading-l">Add your child to a production</h1>
      {intro}
      {data.children.length ? (
        <PostForm form={getFormProps(form)}>
          <Radios
            field={fields.childId}
            legend={`Which child is taking part in ${invitation.productionTitle}?`}
            options={data.children.map((c) => ({ value: c.id, label: c.name, hint: `Age ${c.age}` }))}
          />
          <p className="govuk-body">If your child is not listed: {addChild}.</p>
          <Button>Share details with {invitation.organisationName}</Button>
        </PostForm>
      ) : (
        <p className="govuk-body">You have not added any children yet. {addChild}, then you can share their details.</p>
      )}
    </>
  );
}
