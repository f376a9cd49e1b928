import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { publicActor } from "~/domain/actor";
import { getReferenceRequest, submitReference } from "~/domain/chaperones.server";
import { LinkExpiredError } from "~/domain/errors";
import { detailsWhenYes, EVEN_WITH_OTHER_ERRORS, optionalText, yesNo } from "~/forms/chaperone";
import { requiredText } from "~/forms/fields";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { limitByAddress } from "~/server/rate-limit.server";
import { Button } from "~/ui/govuk/components";
import { Radios, Textarea, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

type Data = Awaited<ReturnType<typeof getReferenceRequest>>;

const TITLES = { open: "Give a reference for a chaperone", expired: "This link has expired", used: "You have already given this reference" };
export const handle = { title: (d: Data | undefined) => TITLES[d?.state ?? "expired"] };

// The link is a secret: keep it out of search engines.
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

const schema = z
  .object({
    yearsKnown: requiredText("Enter how long you have known them", 100, "How long you have known them must be 100 characters or fewer"),
    capacity: requiredText("Enter how you know them", 500, "How you know them must be 500 characters or fewer"),
    hasConcerns: yesNo("Select yes if you have any concerns about them working with children"),
    concerns: optionalText(3000, "Your concerns must be 3000 characters or fewer"),
    suitable: yesNo("Select yes if you think they are suitable to look after children"),
    comments: optionalText(3000, "Your comments must be 3000 characters or fewer"),
  })
  .superRefine(detailsWhenYes("hasConcerns", "concerns", "Give details of your concerns"), EVEN_WITH_OTHER_ERRORS);

const ORDER = ["yearsKnown", "capacity", "hasConcerns", "concerns", "suitable", "comments"];

/** Public: a referee has no account; the token in the link is their only key. */
export async function loader({ params }: LoaderFunctionArgs) {
  const request = await getReferenceRequest(db(), params.token ?? "");
  return json(request, { status: request.state === "open" ? 200 : 410 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  await limitByAddress(context, "chaperone-reference", 30);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  try {
    await submitReference(db(), publicActor(context.ip), params.token ?? "", {
      yearsKnown: v.yearsKnown,
      capacity: v.capacity,
      hasConcerns: v.hasConcerns === "yes",
      concerns: v.concerns,
      suitable: v.suitable === "yes",
      comments: v.comments,
    });
  } catch (error) {
    // The page itself says the link has expired or been used.
    if (error instanceof LinkExpiredError) return redirect(`/chaperone-references/${encodeURIComponent(params.token ?? "")}`);
    return replyWithError(submission, error);
  }
  return redirect("/chaperone-references/thank-you");
}

function ReferenceForm({ data }: { data: Extract<Data, { state: "open" }> }) {
  const [form, fields] = useGovukForm("reference", schema, useActionData<typeof action>());
  const name = data.applicantName;
  return (
    <>
      <ErrorSummary form={form} order={ORDER} />
      <span className="govuk-caption-l">Reference for {name}</span>
      <h1 className="govuk-heading-l">Give a reference for a chaperone</h1>
      <p className="govuk-body">
        {name} has applied to {data.authorityName} to be a chaperone, and named you, {data.refereeName}, as a referee ({data.relationship}).
      </p>
      <p className="govuk-body">
        A chaperone looks after children taking part in performances and activities when their parents are not there. Your answers go to the council's
        licensing team. {name} will not see them.
      </p>
      <PostForm form={getFormProps(form)}>
        <TextInput field={fields.yearsKnown} label={`How long have you known ${name}?`} hint="For example, 5 years" width="20" />
        <Textarea field={fields.capacity} label={`How do you know ${name}?`} hint="For example, as their manager, teacher, neighbour or through a club" rows={3} />
        <Radios
          field={fields.hasConcerns}
          legend={`Do you have any concerns about ${name} working with children?`}
          options={[
            { value: "yes", label: "Yes", conditional: <Textarea field={fields.concerns} label="Tell us about your concerns" /> },
            { value: "no", label: "No" },
          ]}
        />
        <Radios
          field={fields.suitable}
          legend={`Do you think ${name} is suitable to look after children?`}
          options={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]}
        />
        <Textarea field={fields.comments} label="Anything else you want to tell the council (optional)" />
        <Button>Send reference</Button>
      </PostForm>
    </>
  );
}

export default function ChaperoneReference() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {data.state === "open" ? (
          <ReferenceForm data={data} />
        ) : data.state === "used" ? (
          <>
            <h1 className="govuk-heading-l">You have already given this reference</h1>
            <p className="govuk-body">Thank you. The council has your reference. Each link can only be used once.</p>
            <p className="govuk-body">If you need to change something you said, contact the council's licensing team.</p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">This link has expired</h1>
            <p className="govuk-body">Links to give a reference work for 14 days, and only the newest link we sent you works.</p>
            <p className="govuk-body">
              If you still want to give a reference, ask the person who named you to contact their council, who can ask us to send you a new link.
            </p>
          </>
        )}
      </div>
    </div>
  );
}
