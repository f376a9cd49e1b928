import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatDay } from "~/domain/calendar/dates";
import { getProducerApplication, saveDayChaperone } from "~/domain/licences-producer.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Checkboxes, Radios, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Who looks after the child" };

const schema = z
  .object({
    who: z.enum(["parent", "chaperone"], { error: "Select who looks after the child" }),
    reference: z.string().trim().max(40, { error: "Enter the approval reference as it is printed, like NMC-CL-2026-000001" }).optional(),
    isTutor: z.array(z.string().max(10)).optional(),
    allDays: z.array(z.string().max(10)).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.who === "chaperone" && !v.reference) {
      ctx.addIssue({ code: "custom", path: ["reference"], message: "Enter the chaperone's approval reference, like NMC-CL-2026-000001" });
    }
  });

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? ""));
  if (!view.application.editable) throw redirect(`/producer/applications/${view.application.id}`);
  const day = view.days.find((d) => d.id === params.dayId);
  if (!day) throw new Response("Day not found", { status: 404 });
  return { actor, view, day };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, day } = await load(request, context, params);
  return json({
    applicationId: view.application.id,
    child: view.child,
    production: view.production,
    date: day.date,
    dayCount: view.days.length,
    saved: {
      who: day.chaperone.who ?? undefined,
      reference: day.chaperone.reference ?? undefined,
      isTutor: day.chaperone.isTutor ? ["yes"] : undefined,
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, view, day } = await load(request, context, params);
  let saved = 0;
  return submitForm(
    formData,
    schema,
    async (v) => {
      const input = { who: v.who, reference: v.reference ?? "", isTutor: !!v.isTutor?.includes("yes"), allDays: !!v.allDays?.includes("yes") };
      saved = (await saveDayChaperone(db(), actor, view.application.id, day.id, input)).dates.length;
    },
    () => redirect(`/producer/applications/${view.application.id}/chaperones?saved=${saved}`),
  );
}

export default function DayChaperone() {
  const { applicationId, child, production, date, dayCount, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("chaperone", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/applications/${applicationId}/chaperones`}>Chaperones</BackLink>
        <ErrorSummary form={form} order={["who", "reference"]} />
        <span className="govuk-caption-l">
          {child.name} – {production.title}
        </span>
        <PostForm form={getFormProps(form)}>
          <Radios
            field={fields.who}
            legend={`Who looks after ${child.firstName} on ${formatDay(date)}?`}
            isPageHeading
            options={[
              { value: "parent", label: `${child.firstName}'s parent` },
              {
                value: "chaperone",
                label: "A chaperone approved by a council",
                conditional: (
                  <>
                    <TextInput
                      field={fields.reference}
                      label="Chaperone approval reference"
                      hint="It is on the chaperone's approval and photo card, for example NMC-CL-2026-000001"
                      width="20"
                      spellCheck={false}
                      autoComplete="off"
                    />
                    <Checkboxes
                      field={fields.isTutor}
                      legend="Tutor"
                      small
                      options={[{ value: "yes", label: `The chaperone is also ${child.firstName}'s tutor that day` }]}
                    />
                  </>
                ),
              },
            ]}
          />
          {dayCount > 1 ? (
            <Checkboxes field={fields.allDays} legend="Other days" small options={[{ value: "yes", label: `Use this for all ${dayCount} days of the schedule` }]} />
          ) : null}
          <Button>Save and continue</Button>
        </PostForm>
      </div>
    </div>
  );
}
