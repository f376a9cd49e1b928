
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { saveParentSection } from "~/domain/licences-parent.server";
import { afterParentSave, consentStatement } from "~/domain/licences/parentSections";
import { requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { loadParentSection } from "~/server/parent-part.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { InsetText } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { useGovukForm } from "~/ui/govuk/form";
import { ParentSectionPage } from "~/ui/licences/ParentSectionPage";

export const handle = { title: "Your consent" };

const schema = z.object({
  consentName: requiredText("Enter your full name to give your consent", 200, "Your name must be 200 characters or fewer"),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { part, page } = await loadParentSection(request, context, params);
  return json({
    ...page,
    statement: consentStatement(part.child.name, part.production.title, part.production.organisationName),
    saved: { consentName: part.answers.consentName ?? undefined },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await saveParentSection(db(), actor, params.applicationId ?? "", { section: "consent", consentName: submission.value.consentName });
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/children/${params.childId}/applications/${params.applicationId}${afterParentSave("consent", formData)}`);
}

export default function Consent() {
  const { base, returnTo, caption, statement, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("consent", schema, useActionData<typeof action>(), saved);
  return (
    <ParentSectionPage
      base={base}
      returnTo={returnTo}
      caption={caption}
      form={form}
      order={["consentName"]}
      intro={
        <>
          <h1 className="govuk-heading-l">Your consent</h1>
          <InsetText>{statement}</InsetText>
          <p className="govuk-body">Typing your full name below is your signature. Giving false information may mean the licence is refused or revoked.</p>
        </>
      }
    >
      <TextInput field={fields.consentName} label="Your full name" autoComplete="name" spellCheck={false} />
    </ParentSectionPage>
  );
}
