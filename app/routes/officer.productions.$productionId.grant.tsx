import { formatDate } from "~/domain/calendar/dates";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { grantProductionLicences, type NotGranted, listProductionForGrant } from "~/domain/licences-officer.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button, NotificationBanner, Table } from "~/ui/govuk/components";
import { Checkboxes, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, ErrorSummaryBox, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = {
  title: (d: { production?: { title: string } }) => (d?.production ? `Grant licences for ${d.production.title}` : "Grant licences"),
};

const schema = z.object({
  applicationIds: z.array(z.string(), { error: "Select the applications to grant" }).min(1, { error: "Select the applications to grant" }),
  standardConditions: z.array(z.string()).optional(),
  customConditions: z.string().trim().max(2000, { error: "Other conditions must be 2000 characters or fewer" }).optional(),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "performance-application:decide");
  const found = await guard(listProductionForGrant(db(), actor, params.productionId ?? ""));
  return json({ ...found, granted: Number(new URL(request.url).searchParams.get("granted")) || 0 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "performance-application:decide");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const productionId = params.productionId ?? "";
  try {
    const { granted, notGranted } = await grantProductionLicences(
      db(),
      actor,
      productionId,
      { applicationIds: submission.value.applicationIds, standardConditions: submission.value.standardConditions ?? [], customConditions: submission.value.customConditions },
      context.baseUrl,
    );
    if (!notGranted.length) return redirect(`/officer/productions/${productionId}/grant?granted=${granted.length}`);
    return json({ ...submission.reply(), outcome: { granted: granted.length, notGranted } satisfies Outcome });
  } catch (error) {
    return replyWithError(submission, error);
  }
}

type Outcome = { granted: number; notGranted: NotGranted[] };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Mounted afresh after each navigation, so the answers and outcomes never outlive the submission they came from. */
export default function GrantProductionLicences() {
  return <GrantPage key={useLocation().key} />;
}

function GrantPage() {
  const { production, applications, standardConditions, granted: grantedBefore } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const outcome = ((lastResult ?? {}) as { outcome?: Outcome }).outcome ?? null;
  const ready = applications.filter((a) => !a.decideAlone.length);
  const alone = applications.filter((a) => a.decideAlone.length);
  const [form, fields] = useGovukForm("grant-production", schema, lastResult, {
    applicationIds: ready.map((a) => a.id),
    standardConditions: standardConditions.map((c) => c.id),
  });
  const granted = outcome?.granted ?? grantedBefore;
  return (
    <>
      <BackLink to="/officer/licences">Performance licence applications</BackLink>
      {granted ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">
            {plural(granted, "licence has", "licences have")} been granted and issued, and copies have been emailed.
          </p>
        </NotificationBanner>
      ) : null}
      {outcome ? (
        <ErrorSummaryBox
          items={outcome.notGranted.map((o) => ({ href: `#application-${o.applicationId}`, text: `${o.childName} (${o.reference}) was not granted: ${o.problems.join("; ")}` }))}
        />
      ) : (
        <ErrorSummary form={form} order={["applicationIds", "standardConditions", "customConditions"]} />
      )}
      <span className="govuk-caption-l">{production.organisationName}</span>
      <h1 className="govuk-heading-l">Grant licences for {production.title}</h1>
      <p className="govuk-body">
        Each licence is checked against every rule, issued and emailed as if you granted it on its own page. If one cannot be granted, the others still are.
      </p>
      {outcome?.notGranted.length ? (
        <Table
          caption="Not granted"
          head={["Child", "Why"]}
          rows={outcome.notGranted.map((o) => [
            <Link key="child" id={`application-${o.applicationId}`} className="govuk-link" to={`/officer/licences/${o.applicationId}`}>
              {o.childName} ({o.reference})
            </Link>,
            <ul key="why" className="govuk-list">
              {o.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>,
          ])}
        />
      ) : null}
      {ready.length ? (
        <PostForm form={getFormProps(form)}>
          <Checkboxes
            field={fields.applicationIds}
            legend="Applications to grant"
            hint="Untick any you want to decide on their own page"
            options={ready.map((a) => ({
              value: a.id,
              label: a.childName,
              hint: `${a.reference}${a.firstDate ? `, first performance ${formatDate(a.firstDate)}` : ""}`,
            }))}
            small
          />
          <Checkboxes
            field={fields.standardConditions}
            legend="Conditions"
            hint="Printed on every licence granted here. Untick any that do not apply"
            options={standardConditions.map((c) => ({ value: c.id, label: c.text }))}
            small
          />
          <Textarea field={fields.customConditions} label="Other conditions (optional)" hint="One condition per line, printed on every licence granted here" rows={4} />
          <Button>Grant and issue the licences</Button>
        </PostForm>
      ) : (
        <p className="govuk-body">
          {applications.length ? "None of the applications waiting can be granted together: decide each on its own page." : "Every application for this production has been decided."}
        </p>
      )}
      {alone.length ? (
        <Table
          caption="Decide on their own page"
          head={["Child", "Why"]}
          rows={alone.map((a) => [
            <Link key="child" className="govuk-link" to={`/officer/licences/${a.id}`}>
              {a.childName} ({a.reference})
            </Link>,
            <ul key="why" className="govuk-list">
              {a.decideAlone.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>,
          ])}
        />
      ) : null}
    </>
  );
}
