import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CHANGE_REPORT_KINDS } from "#db/schema/chaperones";
import { CHANGE_DETAILS_MAX, getMyChaperoneApproval, reportChaperoneChange } from "~/domain/chaperones.server";
import { CHANGE_REPORT_KIND_LABELS } from "~/domain/chaperones/changeReports";
import { CHAPERONE_RULES } from "~/domain/chaperones/rules";
import { dispatchEmails } from "~/domain/notifications.server";
import { dateRule, EVEN_WITH_OTHER_ERRORS, isoDate } from "~/forms/chaperone";
import { dateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { DateInput, Radios, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Report a change" };

const LABEL = "date it happened";

const schema = z
  .object({
    kind: z.enum(CHANGE_REPORT_KINDS, { error: "Select what has changed" }),
    details: requiredText("Enter details of the change", CHANGE_DETAILS_MAX, `Details must be ${CHANGE_DETAILS_MAX} characters or fewer`),
    happenedOnDay: z.string().optional(),
    happenedOnMonth: z.string().optional(),
    happenedOnYear: z.string().optional(),
  })
  .superRefine(dateParts("happenedOn", LABEL), EVEN_WITH_OTHER_ERRORS)
  .superRefine(dateRule("happenedOn", LABEL, (iso, today) => (iso > today ? "The date it happened must be today or in the past" : undefined)), EVEN_WITH_OTHER_ERRORS);

const ORDER = ["kind", "details", "happenedOnDay"];

/** Only a chaperone holding an approval in force can report a change to it. */
async function currentApproval(request: Request, context: LoaderFunctionArgs["context"]) {
  const { actor } = await requireCapability(request, context, "chaperone:use");
  const approval = await getMyChaperoneApproval(db(), actor);
  if (!approval) throw redirect("/chaperone");
  return { actor, approval };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { approval } = await currentApproval(request, context);
  return json({ reference: approval.reference });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, approval } = await currentApproval(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  let outboxIds: string[];
  try {
    ({ outboxIds } = await reportChaperoneChange(
      db(),
      actor,
      { documentReference: approval.reference, kind: submission.value.kind, details: submission.value.details, happenedOn: isoDate(submission.value, "happenedOn", LABEL) },
      context.baseUrl,
    ));
  } catch (error) {
    return replyWithError(submission, error);
  }
  await dispatchEmails(outboxIds);
  return redirect("/chaperone?reported=1");
}

export default function ReportAChange() {
  const { reference } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("report", schema, useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/chaperone">Your chaperone approval</BackLink>
        <ErrorSummary form={form} order={ORDER} />
        <span className="govuk-caption-l">Approval {reference}</span>
        <h1 className="govuk-heading-l">Report a change</h1>
        <p className="govuk-body">
          You must tell the council within {CHAPERONE_RULES["CHAPLIC-REPORT"].days} days of any of these changes. If it happened longer ago, tell us
          now anyway.
        </p>
        <PostForm form={getFormProps(form)}>
          <Radios field={fields.kind} legend="What has changed?" options={CHANGE_REPORT_KINDS.map((k) => ({ value: k, label: CHANGE_REPORT_KIND_LABELS[k] }))} />
          <Textarea field={fields.details} label="Give details of the change" hint="For example, your new name or address, or what you were arrested, convicted or cautioned for" />
          <DateInput
            id="happenedOn"
            legend="When did it happen?"
            hint="For example, 12 10 2026"
            day={fields.happenedOnDay}
            month={fields.happenedOnMonth}
            year={fields.happenedOnYear}
          />
          <Button>Send to the council</Button>
        </PostForm>
      </div>
    </div>
  );
}
