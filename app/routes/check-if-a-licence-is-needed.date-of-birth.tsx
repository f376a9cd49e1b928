import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { dateFields } from "~/forms/chaperone";
import { dateOfBirthAction, loadQuestion } from "~/server/checker.server";
import { Caption, CheckerPage, ReturnTo } from "~/ui/checker/CheckerPage";
import { dateOfBirthSchema } from "~/ui/checker/schemas";
import { Button } from "~/ui/govuk/components";
import { DateInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "What is the child's date of birth?" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { answers, fromCheck, back } = await loadQuestion(request, "date-of-birth");
  return json({ saved: dateFields("dateOfBirth", answers.dateOfBirth), fromCheck, back });
}

export const action = (args: ActionFunctionArgs) => dateOfBirthAction(args);

export default function DateOfBirth() {
  const { saved, fromCheck, back } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("date-of-birth", dateOfBirthSchema, useActionData<typeof action>(), saved);
  return (
    <CheckerPage back={back}>
      <ErrorSummary form={form} order={["dateOfBirthDay"]} />
      <Caption />
      <PostForm form={getFormProps(form)}>
        <ReturnTo fromCheck={fromCheck} />
        <DateInput
          id="dateOfBirth"
          legend="What is the child's date of birth?"
          hint="For example, 27 3 2014"
          isPageHeading
          day={fields.dateOfBirthDay}
          month={fields.dateOfBirthMonth}
          year={fields.dateOfBirthYear}
        />
        <Button>Continue</Button>
      </PostForm>
    </CheckerPage>
  );
}
