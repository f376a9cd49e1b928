import { getFormProps } from "@conform-to/react";
import { useMemo } from "react";
import { Button } from "~/ui/govuk/components";
import { Radios } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";
import { Caption, CheckerPage, ReturnTo } from "./CheckerPage";
import { YES_NO_QUESTIONS, type YesNoSlug } from "./questions";
import { yesNoSchema } from "./schemas";

type Props = {
  slug: YesNoSlug;
  data: { question: string; error: string; saved: { answer?: string }; fromCheck: boolean; back: string };
  lastResult: unknown;
};

/** A yes-or-no question page: the question is the page heading. */
export function YesNoQuestionPage({ slug, data, lastResult }: Props) {
  const schema = useMemo(() => yesNoSchema(data.error), [data.error]);
  const [form, fields] = useGovukForm(slug, schema, lastResult, data.saved);
  return (
    <CheckerPage back={data.back}>
      <ErrorSummary form={form} order={["answer"]} />
      <Caption />
      <PostForm form={getFormProps(form)}>
        <ReturnTo fromCheck={data.fromCheck} />
        <Radios
          field={fields.answer}
          legend={data.question}
          hint={YES_NO_QUESTIONS[slug].hint}
          isPageHeading
          options={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]}
        />
        <Button>Continue</Button>
      </PostForm>
    </CheckerPage>
  );
}
