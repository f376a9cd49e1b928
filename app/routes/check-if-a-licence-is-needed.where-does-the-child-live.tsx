import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadQuestion, postcodeAction } from "~/server/checker.server";
import { Caption, CheckerPage, ReturnTo } from "~/ui/checker/CheckerPage";
import { postcodeSchema } from "~/ui/checker/schemas";
import { Button } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Where does the child live?" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { answers, fromCheck, back } = await loadQuestion(request, "where-does-the-child-live");
  return json({ saved: { postcode: answers.postcode || undefined }, fromCheck, back });
}

export const action = (args: ActionFunctionArgs) => postcodeAction(args);

export default function WhereDoesTheChildLive() {
  const { saved, fromCheck, back } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("where", postcodeSchema, useActionData<typeof action>(), saved);
  return (
    <CheckerPage back={back}>
      <ErrorSummary form={form} order={["postcode"]} />
      <Caption />
      <PostForm form={getFormProps(form)}>
        <ReturnTo fromCheck={fromCheck} />
        <TextInput
          field={fields.postcode}
          label="Where does the child live?"
          hint="Enter the postcode of the child's home. We use it to find their council's local rules. If you do not know, leave this blank."
          isPageHeading
          autoComplete="postal-code"
          width="10"
        />
        <Button>Continue</Button>
      </PostForm>
    </CheckerPage>
  );
}
