import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { checkDbsCurrency, checkDbsNumber } from "~/domain/chaperones/rules";
import { londonDate } from "~/domain/calendar/dates";
import { dateFields, EVEN_WITH_OTHER_ERRORS, isoDate, yesNo, yesNoValue } from "~/forms/chaperone";
import { dateParts, parseDateParts, requiredText } from "~/forms/fields";
import { requireEditableApplication, saveSectionAction } from "~/server/chaperone-applicant.server";
import { Caption, QuestionPage, ReturnTo, SaveButton } from "~/ui/chaperones/QuestionPage";
import { Checkboxes, DateInput, Radios, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Your DBS certificate" };

const LABEL = "date your certificate was issued";

const schema = z
  .object({
    dbsCertificateNumber: requiredText("Enter your DBS certificate number", 30, "DBS certificate number must be 12 digits").refine(
      (v) => checkDbsNumber(v).length === 0,
      { error: "DBS certificate number must be 12 digits" },
    ),
    dbsIssueDateDay: z.string().optional(),
    dbsIssueDateMonth: z.string().optional(),
    dbsIssueDateYear: z.string().optional(),
    dbsOnUpdateService: yesNo("Select yes if your certificate is on the DBS Update Service"),
    dbsConsentToStatusCheck: z.literal("yes").optional(),
  })
  .superRefine(dateParts("dbsIssueDate", LABEL), EVEN_WITH_OTHER_ERRORS)
  .superRefine((value, ctx) => {
    const issued = parseDateParts(value.dbsIssueDateDay, value.dbsIssueDateMonth, value.dbsIssueDateYear, LABEL);
    if ((value.dbsOnUpdateService !== "yes" && value.dbsOnUpdateService !== "no") || "error" in issued) return;
    const dbs = { issueDate: issued.iso, onUpdateService: value.dbsOnUpdateService === "yes", consent: value.dbsConsentToStatusCheck === "yes" };
    for (const finding of checkDbsCurrency(dbs, londonDate())) {
      ctx.addIssue({ code: "custom", path: [finding.field === "dbsIssueDate" ? "dbsIssueDateDay" : finding.field], message: finding.message });
    }
  }, EVEN_WITH_OTHER_ERRORS);

const ORDER = ["dbsCertificateNumber", "dbsIssueDateDay", "dbsOnUpdateService", "dbsConsentToStatusCheck"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application, returnTo } = await requireEditableApplication(request, context);
  const a = application.answers;
  return json({
    returnTo,
    saved: {
      dbsCertificateNumber: a.dbsCertificateNumber,
      ...dateFields("dbsIssueDate", a.dbsIssueDate),
      dbsOnUpdateService: yesNoValue(a.dbsOnUpdateService),
      dbsConsentToStatusCheck: a.dbsConsentToStatusCheck ? "yes" : undefined,
    },
  });
}

export const action = (args: ActionFunctionArgs) =>
  saveSectionAction(args, schema, (v) => ({
    section: "dbs",
    dbsCertificateNumber: v.dbsCertificateNumber,
    dbsIssueDate: isoDate(v, "dbsIssueDate", LABEL),
    dbsOnUpdateService: v.dbsOnUpdateService === "yes",
    dbsConsentToStatusCheck: v.dbsConsentToStatusCheck === "yes",
  }));

export default function Dbs() {
  const { returnTo, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("dbs", schema, useActionData<typeof action>(), saved);
  return (
    <QuestionPage returnTo={returnTo}>
      <ErrorSummary form={form} order={ORDER} />
      <Caption />
      <h1 className="govuk-heading-l">Your DBS certificate</h1>
      <p className="govuk-body">
        You need an enhanced DBS certificate with a check of the children's barred list. It must have been issued in the last 3 months, unless it is on the DBS
        Update Service.
      </p>
      <PostForm form={getFormProps(form)}>
        <ReturnTo returnTo={returnTo} />
        <TextInput
          field={fields.dbsCertificateNumber}
          label="Certificate number"
          hint="This is 12 digits, at the top right of your certificate"
          inputMode="numeric"
          width="20"
          spellCheck={false}
        />
        <DateInput
          id="dbsIssueDate"
          legend="Date of issue"
          hint="For example, 14 9 2026"
          day={fields.dbsIssueDateDay}
          month={fields.dbsIssueDateMonth}
          year={fields.dbsIssueDateYear}
        />
        <Radios
          field={fields.dbsOnUpdateService}
          legend="Is your certificate on the DBS Update Service?"
          hint="The Update Service lets the council check your certificate is still up to date"
          options={[
            {
              value: "yes",
              label: "Yes",
              conditional: (
                <Checkboxes
                  field={fields.dbsConsentToStatusCheck}
                  legend="Consent to status checks"
                  small
                  options={[{ value: "yes", label: "I agree to the council checking my certificate on the Update Service, now and every year I am approved" }]}
                />
              ),
            },
            { value: "no", label: "No" },
          ]}
        />
        <SaveButton />
      </PostForm>
    </QuestionPage>
  );
}
