import { formatDate } from "~/domain/calendar/dates";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { searchChaperoneRegister } from "~/domain/chaperones.server";
import { RuleError } from "~/domain/errors";
import { dateParts, parseDateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { toResponse } from "~/server/forms.server";
import { BackLink, Button, Table, Tag } from "~/ui/govuk/components";
import { DateInput, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Check a chaperone" };

const anyPart = (v: Record<string, unknown>, prefix: string) => ["Day", "Month", "Year"].some((p) => String(v[`${prefix}${p}`] ?? "").trim());

const schema = z
  .object({
    q: requiredText("Enter a name or a licence reference", 100),
    fromDay: z.string().optional(),
    fromMonth: z.string().optional(),
    fromYear: z.string().optional(),
    toDay: z.string().optional(),
    toMonth: z.string().optional(),
    toYear: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (anyPart(v, "from")) dateParts("from", "first date")(v, ctx);
    if (anyPart(v, "to")) dateParts("to", "last date")(v, ctx);
  });

const COLOURS = { valid: "green", "not-yet-valid": "blue", expired: "grey", suspended: "yellow", revoked: "red", superseded: "grey" } as const;

const isoOf = (v: Record<string, string | undefined>, prefix: string) =>
  anyPart(v, prefix) ? (parseDateParts(v[`${prefix}Day`], v[`${prefix}Month`], v[`${prefix}Year`], "date") as { iso: string }).iso : null;

/** A GET search: the answer (or the form's errors) comes from the loader, so it works without JavaScript and can be bookmarked. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "chaperone-register:search");
  const params = new URL(request.url).searchParams;
  if (!params.has("q")) return json({ lastResult: null, search: null, error: false });
  const submission = parseWithZod(params, { schema });
  if (submission.status !== "success") return json({ lastResult: submission.reply(), search: null, error: true }, { status: 400 });
  try {
    const search = await searchChaperoneRegister(db(), actor, { query: submission.value.q, from: isoOf(submission.value, "from"), to: isoOf(submission.value, "to") });
    // The reply carries the answers back into the form, so the search stays filled in above its results.
    return json({ lastResult: submission.reply(), search, error: false });
  } catch (error) {
    if (!(error instanceof RuleError)) return toResponse(error);
    const { "": formErrors = [], ...fieldErrors } = error.fieldErrors;
    return json({ lastResult: submission.reply({ formErrors, fieldErrors }), search: null, error: true }, { status: 400 });
  }
}

/** Mounted afresh for each search, so errors from the last one never linger. */
export default function ChaperoneRegister() {
  return <RegisterPage key={useLocation().key} />;
}

function RegisterPage() {
  const { lastResult, search } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("register", schema, lastResult);
  const period = search ? (search.from === search.to ? `on ${formatDate(search.from)}` : `from ${formatDate(search.from)} to ${formatDate(search.to)}`) : "";
  return (
    <>
      <BackLink to="/officer">Licensing</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={["q", "fromDay", "toDay"]} />
          <h1 className="govuk-heading-l">Check a chaperone</h1>
          <p className="govuk-body">
            Find a chaperone approved by any council, to confirm they are approved on the dates they will look after children. Only the approval is shown, not where
            the chaperone lives.
          </p>
          <Form method="get" {...getFormProps(form)}>
            <TextInput field={fields.q} label="Name or licence reference" hint="For example, Casey Candidate or NMC-CL-2026-000123" spellCheck={false} />
            <DateInput
              id="register-from"
              legend="First date (optional)"
              hint="The first day they will act as a chaperone. Leave blank for today. For example, 1 12 2026"
              day={fields.fromDay}
              month={fields.fromMonth}
              year={fields.fromYear}
            />
            <DateInput
              id="register-to"
              legend="Last date (optional)"
              hint="Leave blank to check the first date only"
              day={fields.toDay}
              month={fields.toMonth}
              year={fields.toYear}
            />
            <Button>Search</Button>
          </Form>
        </div>
      </div>
      {search ? (
        search.results.length ? (
          <>
            <Table
              caption={`${search.results.length}${search.truncated ? "+" : ""} approval${search.results.length === 1 ? "" : "s"} matching “${search.query}”`}
              head={["Name", "Council", "Reference", "Valid from", "Valid to", "Status", "Restrictions", `Approved ${period}`]}
              rows={search.results.map((r) => [
                r.name,
                r.authorityName,
                <span key="r" className="app-nowrap">
                  {r.reference}
                </span>,
                formatDate(r.validFrom),
                formatDate(r.validTo),
                <Tag key="s" colour={COLOURS[r.status]}>
                  {r.statusLabel}
                </Tag>,
                r.restrictions,
                <Tag key="v" colour={r.validThroughout ? "green" : "red"}>
                  {r.validThroughout ? "Yes" : "No"}
                </Tag>,
              ])}
            />
            {search.truncated ? <p className="govuk-body">Only the first 50 are shown: add more of the name to narrow the search.</p> : null}
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">No approved chaperones match “{search.query}”</h2>
            <p className="govuk-body">Check the spelling or the reference. A chaperone not in this register is not approved by any council using this service.</p>
          </>
        )
      ) : null}
    </>
  );
}
