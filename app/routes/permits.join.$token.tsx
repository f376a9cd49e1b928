import { formatDate } from "~/domain/calendar/dates";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listMyChildren } from "~/domain/children.server";
import { describePermitInvitation, joinPermitByLink } from "~/domain/employment-employer.server";
import { LinkExpiredError } from "~/domain/errors";
import { listMemberships } from "~/domain/identity.server";
import { can } from "~/domain/identity/capabilities";
import { getCurrent, requireCurrent } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { Button, SummaryList } from "~/ui/govuk/components";
import { Radios } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

type Data = SerializeFrom<typeof loader>;
type Open = Extract<Data["invitation"], { state: "open" }>;

const TITLES = { parent: "Your part of a child employment permit application", employer: "Apply for a child employment permit", expired: "This link has expired" };
export const handle = {
  title: (d: Data | undefined) => (d?.invitation.state === "open" ? TITLES[d.invitation.invites] : TITLES.expired),
};

// The link is a secret: keep it out of search engines.
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

const schema = z.object({ childId: z.string().optional(), organisationId: z.string().optional() });

/** The emailed link: anyone can see what it is about; joining needs an account with the right role. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const invitation = await describePermitInvitation(db(), token);
  const current = invitation.state === "open" ? await getCurrent(request, context) : null;
  const role = invitation.state === "open" && current ? can(current.actor, invitation.invites === "parent" ? "parent:use" : "employer:use") : false;
  const children = role && invitation.state === "open" && invitation.invites === "parent" ? await listMyChildren(db(), current!.actor) : [];
  const organisations =
    role && invitation.state === "open" && invitation.invites === "employer"
      ? (await listMemberships(db(), current!.actor.userId!)).filter((m) => m.role === "employer" && m.organisationId).map((m) => ({ id: m.organisationId!, name: m.organisationName ?? "" }))
      : [];
  return json(
    {
      invitation,
      signedIn: !!current,
      role,
      children: children.map((c) => ({ id: c.id, name: c.name, age: c.age })),
      organisations: [...new Map(organisations.map((o) => [o.id, o])).values()],
      path: new URL(request.url).pathname,
    },
    { status: invitation.state === "open" ? 200 : 410 },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCurrent(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  let joined: Awaited<ReturnType<typeof joinPermitByLink>>;
  try {
    joined = await joinPermitByLink(db(), actor, params.token ?? "", submission.value);
  } catch (error) {
    // the page itself says the link has expired
    if (error instanceof LinkExpiredError) return redirect(`/permits/join/${encodeURIComponent(params.token ?? "")}`);
    return replyWithError(submission, error);
  }
  return redirect(joined.joinedAs === "parent" ? `/children/${joined.childId}/permits/${joined.permitId}?joined=1` : `/employer/permits/${joined.permitId}?saved=joined`);
}

export default function JoinPermit() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {data.invitation.state === "open" ? (
          <Join data={data} invitation={data.invitation} />
        ) : (
          <>
            <h1 className="govuk-heading-l">{TITLES.expired}</h1>
            <p className="govuk-body">Links to a permit application work for 14 days, only the newest link sent works, and each can be used once.</p>
            <p className="govuk-body">
              If you have already used it, find the application from{" "}
              <Link className="govuk-link" to="/account">
                your account
              </Link>
              . Otherwise ask whoever sent it for a new link.
            </p>
          </>
        )}
      </div>
    </div>
  );
}

function Join({ data, invitation }: { data: Data; invitation: Open }) {
  const [form, fields] = useGovukForm("join", schema, useActionData<typeof action>());
  const parent = invitation.invites === "parent";
  const about = (
    <SummaryList
      rows={[
        ...(invitation.businessName ? [{ key: "Business", value: invitation.businessName }] : []),
        ...(invitation.job ? [{ key: "Kind of work", value: invitation.job }] : []),
        ...(invitation.startDate ? [{ key: "Start date", value: formatDate(invitation.startDate) }] : []),
        ...(invitation.childFirstName ? [{ key: "Child", value: invitation.childFirstName }] : []),
        ...(invitation.parentName ? [{ key: "Parent", value: invitation.parentName }] : []),
      ]}
    />
  );
  const intro = parent ? (
    <p className="govuk-body">
      {invitation.businessName ?? "An employer"} wants to employ your child part-time. Children under school leaving age need a permit from the council to work.
      The council also needs your part of the application: which child it is, a health declaration and your consent.
    </p>
  ) : (
    <p className="govuk-body">
      {invitation.parentName ?? "A parent"} would like {invitation.childFirstName ?? "their child"} to work for you part-time. Children under school leaving age need
      a permit from the council where they work, and the employer applies for it. Fill in your part: the business, the workplace, the job, the usual hours,
      supervision and a risk assessment.
    </p>
  );
  const heading = <h1 className="govuk-heading-l">{TITLES[invitation.invites]}</h1>;
  if (!data.signedIn) {
    return (
      <>
        {heading}
        {intro}
        {about}
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
          {parent ? "for applying for a child of yours" : "for employing children part-time"}, then open the link in the email again.
        </p>
      </>
    );
  }
  if (!data.role) {
    return (
      <>
        {heading}
        {intro}
        <p className="govuk-body">
          Your account is not set up {parent ? "for parents" : "for employers"} yet.{" "}
          <Link className="govuk-link" to="/account/roles">
            Add the {parent ? "parent" : "employer"} role to your account
          </Link>
          , then open the link in the email again.
        </p>
      </>
    );
  }
  if (parent) {
    const addChild = (
      <Link className="govuk-link" to="/children/new">
        add your child
      </Link>
    );
    return (
      <>
        <ErrorSummary form={form} order={["childId"]} />
        {heading}
        {intro}
        {about}
        {data.children.length ? (
          <PostForm form={getFormProps(form)}>
            <Radios
              field={fields.childId}
              legend="Which child is the job for?"
              options={data.children.map((c) => ({ value: c.id, label: c.name, hint: `Age ${c.age}` }))}
            />
            <p className="govuk-body">If your child is not listed, {addChild}, then open the link in the email again.</p>
            <Button>Continue</Button>
          </PostForm>
        ) : (
          <p className="govuk-body">You have not added any children yet. First {addChild}, then open the link in the email again.</p>
        )}
      </>
    );
  }
  return (
    <>
      <ErrorSummary form={form} order={["organisationId"]} />
      {heading}
      {intro}
      {about}
      <PostForm form={getFormProps(form)}>
        {data.organisations.length > 1 ? (
          <Radios field={fields.organisationId} legend="Which business will the child work for?" options={data.organisations.map((o) => ({ value: o.id, label: o.name }))} />
        ) : (
          <p className="govuk-body">The application will be made for {data.organisations[0]?.name}.</p>
        )}
        <Button>Continue</Button>
      </PostForm>
    </>
  );
}
