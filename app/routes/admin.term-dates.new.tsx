import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { addTermDate, TERM_NAME_MAX } from "~/domain/terms.server";
import { EVEN_WITH_OTHER_ERRORS, isoDate } from "~/forms/chaperone";
import { dateParts, requiredText } from "~/forms/fields";
import { requireAdmin } from "~/server/admin.server";
import { db } from "~/server/db.server";
import { readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { DateInput, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Add a term" };

const text = z.string().max(10).optional();

const schema = z
  .object({
    name: requiredText("Enter the name of the term", TERM_NAME_MAX, `The name must be ${TERM_NAME_MAX} characters or fewer`),
    startDay: text,
    startMonth: text,
    startYear: text,
    endDay: text,
    endMonth: text,
    endYear: text,
  })
  .superRefine(dateParts("start", "first day of the term"), EVEN_WITH_OTHER_ERRORS)
  .superRefine(dateParts("end", "last day of the term"), EVEN_WITH_OTHER_ERRORS);

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, authorityId } = await requireAdmin(request, context);
  let name = "";
  return submitForm(
    formData,
    schema,
    async (v) => {
      const values = v as Record<string, unknown>;
      ({ name } = await addTermDate(db(), actor, authorityId, {
        name: v.name,
        startDate: isoDate(values, "start", "first day of the term"),
        endDate: isoDate(values, "end", "last day of the term"),
      }));
    },
    () => redirect(`/admin/term-dates?added=${encodeURIComponent(name)}`),
  );
}

export default function AddTerm() {
  const [form, fields] = useGovukForm("term", schema, useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/term-dates">School term dates</BackLink>
        <ErrorSummary form={form} order={["name", "startDay", "endDay"]} />
        <h1 className="govuk-heading-l">Add a term</h1>
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.name} label="Name" hint="For example, Spring term 2" />
          <DateInput id="start" legend="First day of the term" hint="For example, 22 2 2027" day={fields.startDay} month={fields.startMonth} year={fields.startYear} />
          <DateInput id="end" legend="Last day of the term" hint="For example, 25 3 2027" day={fields.endDay} month={fields.endMonth} year={fields.endYear} />
          <Button>Add term</Button>
        </PostForm>
      </div>
    </div>
  );
}
