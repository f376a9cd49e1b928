import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getProducerApplication, saveProducerEducation } from "~/domain/licences-producer.server";
import { LICENCE_RULES } from "~/domain/licences/rules";
import { requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Checkboxes, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Education" };

const RULE = LICENCE_RULES["EDU-TUTOR"];

const wholeNumber = (empty: string, notNumber: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty })
    .regex(/^\d{1,3}$/, { error: notNumber });

// The limits themselves (EDU-TUTOR) are checked on the server, which names the rule.
const schema = z.object({
  tutorName: requiredText("Enter the tutor's name", 200, "The tutor's name must be 200 characters or fewer"),
  tutorHoursPerDay: wholeNumber("Enter the hours of teaching for each school day missed", "Hours of teaching must be a whole number, like 3"),
  pupilsPerTutor: wholeNumber("Enter how many pupils the tutor teaches at once", "The number of pupils must be a whole number, like 4"),
  similarStandard: z.array(z.string().max(10)).optional(),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? ""));
  if (!view.application.editable) throw redirect(`/producer/applications/${view.application.id}`);
  const a = view.application;
  return json({
    applicationId: a.id,
    child: view.child,
    production: view.production,
    schoolDaysMissed: view.schoolDaysMissed,
    saved: {
      tutorName: a.tutorName ?? undefined,
      tutorHoursPerDay: a.tutorHoursPerDay === null ? undefined : String(a.tutorHoursPerDay),
      pupilsPerTutor: a.pupilsPerTutor === null ? undefined : String(a.pupilsPerTutor),
      similarStandard: a.similarStandard ? ["yes"] : undefined,
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  return submitForm(
    formData,
    schema,
    (v) =>
      saveProducerEducation(db(), actor, params.applicationId ?? "", {
        tutorName: v.tutorName,
        tutorHoursPerDay: Number(v.tutorHoursPerDay),
        pupilsPerTutor: Number(v.pupilsPerTutor),
        similarStandard: !!v.similarStandard?.includes("yes"),
      }),
    () => redirect(`/producer/applications/${params.applicationId}?saved=education`),
  );
}

export default function Education() {
  const { applicationId, child, production, schoolDaysMissed, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("education", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/applications/${applicationId}`}>{child.name}'s licence application</BackLink>
        <ErrorSummary form={form} order={["tutorName", "tutorHoursPerDay", "pupilsPerTutor"]} />
        <span className="govuk-caption-l">
          {child.name} – {production.title}
        </span>
        <h1 className="govuk-heading-l">Education</h1>
        <p className="govuk-body">
          School days missed: {schoolDaysMissed}. The council must approve how {child.firstName} is taught on the days they miss school: by a tutor,
          for at least {RULE.minHoursPerSchoolDay} hours each school day missed, with no more than {RULE.maxPupils} pupils at once (
          {RULE.maxPupilsSimilarStandard} if they are of a similar standard) (EDU-TUTOR).
        </p>
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.tutorName} label="Tutor's name" autoComplete="off" spellCheck={false} />
          <TextInput
            field={fields.tutorHoursPerDay}
            label="Hours of teaching for each school day missed"
            hint={`At least ${RULE.minHoursPerSchoolDay}`}
            width="5"
            inputMode="numeric"
          />
          <TextInput field={fields.pupilsPerTutor} label="Pupils the tutor teaches at once" hint={`Including ${child.firstName}`} width="5" inputMode="numeric" />
          <Checkboxes
            field={fields.similarStandard}
            legend="Pupils of a similar standard"
            small
            options={[{ value: "yes", label: "The pupils are of a similar standard", hint: `Then the tutor may teach up to ${RULE.maxPupilsSimilarStandard} at once` }]}
          />
          <Button>Save and continue</Button>
        </PostForm>
      </div>
    </div>
  );
}
