import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { checkAge } from "~/domain/chaperones/rules";
import { dateFields, dateRule, EVEN_WITH_OTHER_ERRORS, isoDate, optionalText } from "~/forms/chaperone";
import { dateParts, requiredText } from "~/forms/fields";
import { requireEditableApplication, saveSectionAction } from "~/server/chaperone-applicant.server";
import { Caption, QuestionPage, ReturnTo, SaveButton } from "~/ui/chaperones/QuestionPage";
import { DateInput, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Personal details" };

const PHONE = /^\+?[\d\s()-]+$/;

const schema = z
  .object({
    firstName: requiredText("Enter your first name", 100, "First name must be 100 characters or fewer"),
    lastName: requiredText("Enter your last name", 100, "Last name must be 100 characters or fewer"),
    otherNames: optionalText(200, "Other names must be 200 characters or fewer"),
    dateOfBirthDay: z.string().optional(),
    dateOfBirthMonth: z.string().optional(),
    dateOfBirthYear: z.string().optional(),
    phone: requiredText("Enter a telephone number", 30, "Telephone number must be 30 characters or fewer").refine(
      (v) => PHONE.test(v) && v.replace(/\D/g, "").length >= 10,
      { error: "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192" },
    ),
  })
  .superRefine(dateParts("dateOfBirth", "date of birth"), EVEN_WITH_OTHER_ERRORS)
  .superRefine(dateRule("dateOfBirth", "date of birth", (iso, today) => checkAge(iso, today)[0]?.message), EVEN_WITH_OTHER_ERRORS);

const ORDER = ["firstName", "lastName", "otherNames", "dateOfBirthDay", "phone"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application, returnTo } = await requireEditableApplication(request, context);
  const a = application.answers;
  return json({
    returnTo,
    saved: { firstName: a.firstName, lastName: a.lastName, otherNames: a.otherNames, phone: a.phone, ...dateFields("dateOfBirth", a.dateOfBirth) },
  });
}

export const action = (args: ActionFunctionArgs) =>
  saveSectionAction(args, schema, (v) => ({
    section: "personal-details",
    firstName: v.firstName,
    lastName: v.lastName,
    otherNames: v.otherNames,
    dateOfBirth: isoDate(v, "dateOfBirth", "date of birth"),
    phone: v.phone,
  }));

export default function PersonalDetails() {
  const { returnTo, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("personal-details", schema, useActionData<typeof action>(), saved);
  return (
    <QuestionPage returnTo={returnTo}>
      <ErrorSummary form={form} order={ORDER} />
      <Caption />
      <h1 className="govuk-heading-l">Personal details</h1>
      <PostForm form={getFormProps(form)}>
        <ReturnTo returnTo={returnTo} />
        <TextInput field={fields.firstName} label="First name" autoComplete="given-name" spellCheck={false} />
        <TextInput field={fields.lastName} label="Last name" autoComplete="family-name" spellCheck={false} />
        <TextInput
          field={fields.otherNames}
          label="Other names you have used (optional)"
          hint="For example, a name before you were married. Separate names with commas"
          spellCheck={false}
        />
        <DateInput
          id="dateOfBirth"
          legend="Date of birth"
          hint="You must be 18 or over. For example, 27 3 1985"
          day={fields.dateOfBirthDay}
          month={fields.dateOfBirthMonth}
          year={fields.dateOfBirthYear}
        />
        <TextInput field={fields.phone} label="Telephone number" hint="For international numbers include the country code" type="tel" autoComplete="tel" width="20" />
        <SaveButton />
      </PostForm>
    </QuestionPage>
  );
}
