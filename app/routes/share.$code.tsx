import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatShareCode, isShareCodeShape, normaliseShareCode } from "~/domain/children/rules";
import { can } from "~/domain/identity/capabilities";
import { dispatchEmails } from "~/domain/notifications.server";
import { listMyProductions, redeemShareCode } from "~/domain/productions.server";
import { getCurrent, requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { ShareCodeInput, shareCodeSchema } from "~/ui/children/ShareCodeInput";
import { Button } from "~/ui/govuk/components";
import { Radios } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Add a child to a production" };

// The code is a secret: keep the link out of search engines.
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

const schema = shareCodeSchema.extend({ productionId: z.string({ error: "Select the production the child is taking part in" }) });

/**
 * A parent's share link. The code is not looked up here (only a producer's attempt to use it is, with a limit on
 * wrong tries), so the page says nothing about whether it is real.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const normalised = normaliseShareCode(params.code ?? "");
  const code = isShareCodeShape(normalised) ? formatShareCode(normalised) : "";
  const current = await getCurrent(request, context);
  const producer = !!current && can(current.actor, "producer:use");
  return json({
    code,
    signedIn: !!current,
    producer,
    productions: producer ? (await listMyProductions(db(), current.actor)).map((p) => ({ id: p.id, title: p.title, organisationName: p.organisationName })) : [],
    path: new URL(request.url).pathname,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const { productionId, code } = submission.value;
  let result: Awaited<ReturnType<typeof redeemShareCode>>;
  try {
    result = await redeemShareCode(db(), actor, productionId, code, context.baseUrl);
  } catch (error) {
    return replyWithError(submission, error);
  }
  await dispatchEmails(result.outboxIds);
  return redirect(`/producer/productions/${productionId}?added=${result.childId}`);
}

export default function ShareLink() {
  const { code, signedIn, producer, productions, path } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("share", schema, useActionData<typeof action>(), { code });
  const several = new Set(productions.map((p) => p.organisationName)).size > 1;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary form={form} order={["code", "productionId"]} />
        <h1 className="govuk-heading-l">Add a child to a production</h1>
        {!signedIn ? (
          <>
            <p className="govuk-body">A parent has shared their child's details with you using this link. It is for the producer of the production the child is taking part in.</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={`/sign-in?redirectTo=${encodeURIComponent(path)}`}>
                Sign in to add the child to your production
              </Link>
              .
            </p>
            <p className="govuk-body">
              If you do not have an account,{" "}
              <Link className="govuk-link" to="/register">
                create one as a producer
              </Link>{" "}
              and then open the link again.
            </p>
          </>
        ) : !producer ? (
          <>
            <p className="govuk-body">This link is for producers. A parent gives it to the production company their child is working with.</p>
            <p className="govuk-body">
              If you are a producer, ask your organisation to invite you, or{" "}
              <Link className="govuk-link" to="/account/roles">
                add a role to your account
              </Link>
              .
            </p>
          </>
        ) : !productions.length ? (
          <>
            <p className="govuk-body">Create the production first, then open this link again, or enter the share code on the production's page.</p>
            <Link to="/producer/productions/new" className="govuk-button" data-module="govuk-button">
              Create a production
            </Link>
          </>
        ) : (
          <PostForm form={getFormProps(form)}>
            <ShareCodeInput field={fields.code} />
            <Radios
              field={fields.productionId}
              legend="Which production is the child taking part in?"
              hint="The code works for one production only"
              options={productions.map((p) => ({ value: p.id, label: p.title, hint: several ? p.organisationName : undefined }))}
            />
            <Button>Add child</Button>
          </PostForm>
        )}
      </div>
    </div>
  );
}
