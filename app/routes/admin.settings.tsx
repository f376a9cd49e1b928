import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CHAPERONE_YEARS_CHOICES } from "~/domain/settings/choices";
import { getAuthoritySettings, updateAuthoritySettings } from "~/domain/settings.server";
import { requireAdmin } from "~/server/admin.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Radios } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Local settings" };

const schema = z.object({
  chaperoneLicenceYears: z.enum(CHAPERONE_YEARS_CHOICES.map(String) as [string, ...string[]], { error: "Select how long chaperone approvals last" }),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId } = await requireAdmin(request, context);
  const settings = await getAuthoritySettings(db(), authorityId);
  return json({ saved: { chaperoneLicenceYears: String(settings.chaperoneLicenceYears) } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, authorityId } = await requireAdmin(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await updateAuthoritySettings(db(), actor, authorityId, { chaperoneLicenceYears: Number(submission.value.chaperoneLicenceYears) });
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect("/admin?settingsSaved=1");
}

export default function Settings() {
  const { saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("settings", schema, useActionData<typeof action>(), saved);
  return (
    <>
      <BackLink to="/admin" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={["chaperoneLicenceYears"]} />
          <h1 className="govuk-heading-l">Local settings</h1>
          <PostForm form={getFormProps(form)}>
            <Radios
              field={fields.chaperoneLicenceYears}
              legend="How long do your chaperone approvals last?"
              hint="Applies to approvals granted from now on. Most councils approve chaperones for 3 years"
              options={CHAPERONE_YEARS_CHOICES.map((y) => ({ value: String(y), label: y === 1 ? "1 year" : `${y} years` }))}
            />
            <Button>Save settings</Button>
          </PostForm>
        </div>
      </div>
    </>
  );
}
