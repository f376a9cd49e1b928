import { formatDate } from "~/domain/calendar/dates";
import { HOLD_LABEL } from "~/domain/safeguarding/labels";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listLicenceQueue } from "~/domain/licences-officer.server";
import { parseQueueFilters, QUEUE_FILTER_LABELS, QUEUE_FILTERS } from "~/domain/licences/officerQueueFilters";
import { LICENCE_STATUS_COLOURS } from "~/domain/licences/states";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { BackLink, Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Performance licence applications" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "performance-application:decide");
  const filters = parseQueueFilters(new URL(request.url).searchParams.getAll("filter"));
  return json(await listLicenceQueue(db(), actor, filters));
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

const FLAG_TAGS = [
  { flag: "late", label: "Late", colour: "orange" },
  { flag: "objection", label: "School objection", colour: "red" },
  { flag: "information", label: "More information needed", colour: "yellow" },
  { flag: "onHold", label: HOLD_LABEL, colour: "red" },
] as const;

function cells(a: Row) {
  const flags = FLAG_TAGS.filter((f) => a.flags[f.flag]);
  return [
    <Link key="ref" className="govuk-link" to={`/officer/licences/${a.id}`}>
      {a.reference}
    </Link>,
    a.childName,
    <span key="production">
      {a.productionTitle}
      <br />
      <span className="govuk-hint govuk-!-margin-bottom-0">{a.organisationName}</span>
    </span>,
    a.firstDate ? formatDate(a.firstDate) : "Not known",
    <Tag key="status" colour={LICENCE_STATUS_COLOURS[a.status]}>
      {a.statusLabel}
    </Tag>,
    flags.length ? (
      <ul key="flags" className="govuk-list">
        {flags.map((f) => (
          <li key={f.flag}>
            <Tag colour={f.colour}>{f.label}</Tag>
          </li>
        ))}
      </ul>
    ) : (
      "None"
    ),
    a.assignedTo ? (a.assignedToMe ? `${a.assignedTo} (you)` : a.assignedTo) : "Not assigned",
  ];
}

const HEAD = ["Reference", "Child", "Production", "First performance", "Status", "Flags", "Officer"];

export default function OfficerLicenceQueue() {
  const { waiting, decided, counts, filters } = useLoaderData<typeof loader>();
  const chosen = new Set<string>(filters);
  return (
    <>
      <BackLink to="/officer">Licensing</BackLink>
      <h1 className="govuk-heading-l">Performance licence applications</h1>
      <p className="govuk-body">
        Applications for children who live in your area, soonest first performance first. {counts.all} application{counts.all === 1 ? "" : "s"} in all.
      </p>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show only applications that are</legend>
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {QUEUE_FILTERS.map((f) => (
                <div key={f} className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id={`filter-${f}`} name="filter" type="checkbox" value={f} defaultChecked={chosen.has(f)} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`filter-${f}`}>
                    {QUEUE_FILTER_LABELS[f]} ({counts[f]})
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
          Apply filters
        </button>
        {filters.length ? (
          <p className="govuk-body govuk-!-margin-top-3">
            <Link className="govuk-link" to="/officer/licences">
              Clear filters
            </Link>
          </p>
        ) : null}
      </Form>
      {waiting.length ? (
        <Table caption="Waiting for a decision" head={HEAD} rows={waiting.map(cells)} />
      ) : (
        <p className="govuk-body">{filters.length ? "No applications waiting for a decision match these filters." : "There are no applications waiting for a decision."}</p>
      )}
      {decided.length ? <Table caption="Decided" head={HEAD} rows={decided.map(cells)} /> : null}
    </>
  );
}
