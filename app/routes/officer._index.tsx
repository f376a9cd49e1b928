import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listSchools } from "~/domain/schools.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { Table } from "~/ui/govuk/components";

export const handle = { title: "Licensing" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "officer:use");
  return json(await listSchools(db(), actor));
}

export default function OfficerHome() {
  const { authorities, schools } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{authorities.map((a) => a.name).join(", ")}</span>
      <h1 className="govuk-heading-l">Licensing</h1>
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
      <h2 className="govuk-heading-m">Schools in your area</h2>
      <Table
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
