import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listDocuments } from "~/domain/documents.server";
import { DOCUMENT_KINDS, type DocumentKind } from "~/domain/documents/kinds";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Issued documents" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "officer:use");
  const asked = new URL(request.url).searchParams.get("kind") ?? "";
  const kind = Object.hasOwn(DOCUMENT_KINDS, asked) ? (asked as DocumentKind) : undefined;
  return json({ documents: await listDocuments(db(), actor, undefined, kind), kind: kind ? DOCUMENT_KINDS[kind].title : null });
}

export default function OfficerDocuments() {
  const { documents, kind } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Issued documents</h1>
      <p className="govuk-body">
        {kind ? `Only: ${kind}. ` : ""}Licences, permits and approvals your council has signed and issued, newest first.
        {kind ? (
          <>
            {" "}
            <Link className="govuk-link" to="/officer/documents">
              Show every kind
            </Link>
          </>
        ) : null}
      </p>
      {documents.length ? (
        <Table
          label="Issued documents"
          head={["Reference", "Document", "Holder", "Valid to", "Status"]}
          rows={documents.map((d) => [
            <Link key={d.reference} className="govuk-link" to={`/officer/documents/${d.reference}`}>
              {d.reference}
            </Link>,
            d.title,
            d.childName ? `${d.holderName} (child: ${d.childName})` : d.holderName,
            formatDate(d.validTo),
            <Tag key="s" colour={d.publicStatus === "valid" ? "green" : d.publicStatus === "revoked" ? "red" : d.publicStatus === "suspended" ? "yellow" : "grey"}>
              {d.statusLabel}
            </Tag>,
          ])}
        />
      ) : (
        <p className="govuk-body">No documents have been issued yet.</p>
      )}
    </>
  );
}
