import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getProduction, redeemShareCode } from "~/domain/productions.server";
import { dispatchEmails } from "~/domain/notifications.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, invalid, readForm, replyWithError } from "~/server/forms.server";
import { ShareCodeInput, shareCodeSchema } from "~/ui/children/ShareCodeInput";
import { BackLink, Button } from "~/ui/govuk/components";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Add a child with a share code" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const { production } = await guard(getProduction(db(), actor, params.productionId ?? ""));
  return json({ id: production.id, title: production.title });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  const submission = parseWithZod(formData, { schema: shareCodeSchema });
  if (submission.status !== "success") return invalid(submission);
  let result: Awaited<ReturnType<typeof redeemShareCode>>;
  try {
    result = await redeemShareCode(db(), actor, params.productionId ?? "", submission.value.code, context.baseUrl);
  } catch (error) {
    return replyWithError(submission, error);
  }
  await dispatchEmails(result.outboxIds);
  return redirect(`/producer/productions/${params.productionId}?added=${result.childId}`);
}

export default function AddChild() {
  const { id, title } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("add-child", shareCodeSchema, useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/productions/${id}`}>{title}</BackLink>
        <ErrorSummary form={form} order={["code"]} />
        <span className="govuk-caption-l">{title}</span>
        <h1 className="govuk-heading-l">Add a child with a share code</h1>
        <p className="govuk-body">
          Ask the child's parent for a share code. They make one from their child's page in this service. Each code works for one production only.
        </p>
        <PostForm form={getFormProps(form)}>
          <ShareCodeInput field={fields.code} />
          <Button>Add child</Button>
        </PostForm>
      </div>
    </div>
  );
}
