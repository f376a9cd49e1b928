import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findPublicDocument } from "~/domain/documents.server";
import { db } from "~/server/db.server";
import { limitByAddress } from "~/server/rate-limit.server";
import { InsetText, WarningText } from "~/ui/govuk/components";
import { PublicDocumentSummary, statusSentence } from "~/ui/documents/PublicDocumentSummary";

export const handle = {
  title: (d: { document?: { reference: string } | null; reference?: string }) => (d?.document ? `Check ${d.document.reference}` : "Document not found"),
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitByAddress(context, "verify", 60);
  const reference = (params.reference ?? "").slice(0, 40);
  const document = await findPublicDocument(db(), reference);
  return json({ reference, document }, { status: document ? 200 : 404, headers: { "Cache-Control": "no-store" } });
}

export default function VerifyReference() {
  const { reference, document } = useLoaderData<typeof loader>();
  if (!document) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Document not found</h1>
          <p className="govuk-body">There is no licence, permit or approval with the reference {reference} in the register.</p>
          <p className="govuk-body">Check the reference is typed exactly as printed, for example NMC-PL-2026-000123.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/verify">
              Check another document
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Check a licence or approval</span>
        <h1 className="govuk-heading-l">{document.reference}</h1>
        <InsetText>{statusSentence(document)}</InsetText>
        {document.specimen ? (
          <WarningText>This is a specimen signed with a development certificate. It is not a real licence.</WarningText>
        ) : null}
        <PublicDocumentSummary doc={document} />
        <p className="govuk-body">
          To protect children's privacy this page shows only the holder's initials. Compare the reference, dates and status with the paper or PDF you were shown.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/verify">
            Check another document, or upload a PDF
          </Link>
        </p>
      </div>
    </div>
  );
}
