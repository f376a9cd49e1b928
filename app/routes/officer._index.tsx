import { formatDate, formatMoment } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOfficerClocks } from "~/domain/clocks.server";
import { CLOCK_KINDS, CLOCK_RULES, type ClockKind } from "~/domain/clocks/rules";
import { listNewConcernsForOfficer } from "~/domain/safeguarding.server";
import { listSchools } from "~/domain/schools.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { Table, Tag } from "~/ui/govuk/components";
import { ClockTag } from "~/ui/safeguarding/ClockTag";

export const handle = { title: "Licensing" };

/** Where each count leads: the filtered queue, or the register it lives in. */
const QUEUE_LINKS: Record<ClockKind, string> = {
  "first-performance": "/officer/licences?filter=soon",
  "school-answer": "/officer/licences?filter=school-overdue",
  information: "/officer/licences?filter=information",
  "late-permit": "/officer/permits",
  "chaperone-expiry": "/officer/documents?kind=chaperone-licence",
  "bopa-ending": "/officer/documents?kind=bopa-approval",
};
const STAGE_TAGS = {
  breached: { text: "Overdue", colour: "red" },
  "due-soon": { text: "Due soon", colour: "orange" },
  running: { text: "Due", colour: "blue" },
} as const;


export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "officer:use");
  const [schools, concerns, clocks] = await Promise.all([listSchools(db(), actor), listNewConcernsForOfficer(db(), actor), listOfficerClocks(db(), actor)]);
  return json({ ...schools, concerns, clocks });
}

export default function OfficerHome() {
  const { authorities, schools, concerns, clocks } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{authorities.map((a) => a.name).join(", ")}</span>
      <h1 className="govuk-heading-l">Licensing</h1>
      <h2 className="govuk-heading-m">Deadlines</h2>
      <ul className="govuk-list app-clock-counts">
        {CLOCK_KINDS.map((kind) => (
          <li key={kind}>
            <Link className="govuk-link govuk-link--no-visited-state" to={QUEUE_LINKS[kind]}>
              <span className="govuk-!-font-weight-bold govuk-!-font-size-36">{clocks.counts[kind]}</span> {CLOCK_RULES[kind].title}
            </Link>
          </li>
        ))}
      </ul>
      {clocks.items.length ? (
        <Table
          caption="Most urgent first"
          head={["Deadline", "What", "Reference", "About", "Due"]}
          rows={clocks.items.map((i) => [
            <Tag key="stage" colour={STAGE_TAGS[i.stage].colour}>
              {STAGE_TAGS[i.stage].text}
            </Tag>,
            CLOCK_RULES[i.kind].title,
            <Link key="ref" className="govuk-link" to={i.href}>
              {i.reference || "No reference"}
            </Link>,
            i.about,
            formatDate(i.dueOn),
          ])}
        />
      ) : (
        <p className="govuk-body">Nothing is due: no deadlines need attention.</p>
      )}
      {concerns.length ? (
        <>
          <h2 className="govuk-heading-m">New concerns waiting for the LADO</h2>
          <p className="govuk-body">
            Concerns about adults who work with children go to your council's LADO, who must decide within 1 working day. Only the LADO can read them; if
            one is overdue, contact the LADO.
          </p>
          <Table
            label="New concerns waiting for the LADO"
            head={["Reference", "Received", "LADO decision"]}
            rows={concerns.map((c) => [c.reference, formatMoment(c.receivedAt), <ClockTag key="clock" clock={c.clock} />])}
          />
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to="/officer/licences">
          Performance licence applications
        </Link>{" "}
        – decide licences for children who live in your area to take part in performances
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/officer/permits">
          Child employment permits
        </Link>{" "}
        – decide permits for children to work part-time for employers in your area
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/officer/chaperones">
          Chaperone applications
        </Link>{" "}
        – check and decide applications to be a chaperone
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/officer/bopa">
          Body of persons approvals
        </Link>{" "}
        – decide applications from organisations putting on performances in your area
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/officer/exempt-performances">
          Exempt performances
        </Link>{" "}
        – children from your area, or performing in it, under the four-day rule, a BOPA or a school performance
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/officer/chaperone-register">
          Check a chaperone
        </Link>{" "}
        – whether a chaperone approved by any council is approved on given dates
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/officer/documents">
          Issued documents
        </Link>{" "}
        – the licences, permits and approvals your council has signed, with their status
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/reports">
          Annual report
        </Link>{" "}
        – how timely your council's licensing was, for any period, with charts and CSV downloads
      </p>
      <h2 className="govuk-heading-m">Schools in your area</h2>
      <Table
        label="Schools in your area"
        head={["School", "URN", "Postcode"]}
        rows={schools.map((s) => [
          <Link key={s.id} className="govuk-link" to={`/officer/schools/${s.id}`}>
            {s.name}
          </Link>,
          s.urn ?? "Not known",
          s.postcode ?? "Not known",
        ])}
      />
    </>
  );
}
