import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { REFERENCE_PATTERN } from "~/domain/documents/kinds";
import { verifyUploadedDocument } from "~/domain/documents.server";
import { db } from "~/server/db.server";
import { readUploadForm } from "~/server/forms.server";
import { limitByAddress } from "~/server/rate-limit.server";
import { PublicDocumentSummary, statusSentence } from "~/ui/documents/PublicDocumentSummary";
import { Button, InsetText, Panel, WarningText } from "~/ui/govuk/components";
import { CsrfInput, ErrorSummaryBox } from "~/ui/govuk/form";

export const handle = { title: "Check a licence or approval is genuine" };

const MAX_BYTES = 5 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (!url.searchParams.has("reference")) return json({ reference: "", error: null });
  const reference = (url.searchParams.get("reference") ?? "").trim().toUpperCase().replace(/\s+/g, "");
  if (!reference) return json({ reference, error: "Enter the reference printed on the document" }, { status: 400 });
  if (!REFERENCE_PATTERN.test(reference)) {
    return json({ reference, error: "Enter a reference in the format shown on the document, like NMC-PL-2026-000123" }, { status: 400 });
  }
  return redirect(`/verify/${reference}`);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { formData, tooLarge } = await readUploadForm(request, context, MAX_BYTES);
  await limitByAddress(context, "verify-upload", 20);
  if (tooLarge) return json({ error: "The selected file must be smaller than 5 MB", verdict: null }, { status: 400 });
  const file = formData.get("document");
  if (!(file instanceof File) || file.size === 0) return json({ error: "Select the PDF you were sent", verdict: null }, { status: 400 });
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") {
    return json({ error: "The selected file must be a PDF", verdict: null }, { status: 400 });
  }
  return json({ error: null, verdict: await verifyUploadedDocument(db(), bytes) });
}

function Verdict({ verdict }: { verdict: NonNullable<ReturnType<typeof useActionData<typeof action>>>["verdict"] }) {
  if (!verdict) return null;
  if (verdict.outcome === "genuine") {
    return (
      <>
        <Panel title="This document is genuine">It was issued by {verdict.document.issuingAuthority} and has not been changed.</Panel>
        <InsetText>{statusSentence(verdict.document)}</InsetText>
        <PublicDocumentSummary doc={verdict.document} />
      </>
    );
  }
  if (verdict.outcome === "altered") {
    return (
      <>
        <h2 className="govuk-heading-l">This document has been altered</h2>
        <WarningText>The file has been changed since the council signed it. Do not rely on it.</WarningText>
        {verdict.document ? (
          <>
            <p className="govuk-body">The genuine document {verdict.document.reference} says:</p>
            <PublicDocumentSummary doc={verdict.document} />
          </>
        ) : null}
      </>
    );
  }
  const reasons = {
    unsigned: "The file has no council signature. It may be a copy, a scan or a different document.",
    "unknown-signer": "The file is signed, but not by a council that uses this service.",
    "not-registered": "The file is signed by a council, but it is not in the register of issued documents.",
  };
  return (
    <>
      <h2 className="govuk-heading-l">We cannot confirm this document</h2>
      <WarningText>{reasons[verdict.reason]}</WarningText>
      <p className="govuk-body">Ask the person who gave it to you for the original PDF, or check the reference printed on it.</p>
    </>
  );
}

export default function Verify() {
  const { reference, error: referenceError } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const uploadError = result?.error ?? null;
  const anyError = referenceError ?? uploadError;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {anyError ? <ErrorSummaryBox items={[{ href: referenceError ? "#reference" : "#document", text: anyError }]} /> : null}
        {result?.verdict ? <Verdict verdict={result.verdict} /> : null}
        <h1 className="govuk-heading-l">Check a licence or approval is genuine</h1>
        <p className="govuk-body">
          Check a child performance licence, child employment permit, chaperone approval, body of persons approval or exemption record issued through this service.
        </p>
        <Form method="get" action="/verify">
          <div className={`govuk-form-group${referenceError ? " govuk-form-group--error" : ""}`}>
            <h2 className="govuk-label-wrapper">
              <label className="govuk-label govuk-label--m" htmlFor="reference">
                Check by reference
              </label>
            </h2>
            <div id="reference-hint" className="govuk-hint">
              Printed at the top of the document, for example NMC-PL-2026-000123
            </div>
            {referenceError ? (
              <p id="reference-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {referenceError}
              </p>
            ) : null}
            <input
              className={`govuk-input govuk-input--width-20${referenceError ? " govuk-input--error" : ""}`}
              id="reference"
              name="reference"
              type="text"
              spellCheck={false}
              autoComplete="off"
              defaultValue={reference}
              aria-describedby={`reference-hint${referenceError ? " reference-error" : ""}`}
            />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Check reference
          </button>
        </Form>
        <Form method="post" encType="multipart/form-data" action="/verify?index">
          <CsrfInput />
          <div className={`govuk-form-group${uploadError ? " govuk-form-group--error" : ""}`}>
            <h2 className="govuk-label-wrapper">
              <label className="govuk-label govuk-label--m" htmlFor="document">
                Or check a PDF you were sent
              </label>
            </h2>
            <div id="document-hint" className="govuk-hint">
              We check the council's digital signature and that the file has not been changed. The file must be a PDF smaller than 5 MB. We do not keep it.
            </div>
            {uploadError ? (
              <p id="document-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {uploadError}
              </p>
            ) : null}
            <input
              className={`govuk-file-upload${uploadError ? " govuk-file-upload--error" : ""}`}
              id="document"
              name="document"
              type="file"
              accept="application/pdf,.pdf"
              aria-describedby={`document-hint${uploadError ? " document-error" : ""}`}
            />
          </div>
          <Button secondary>Check PDF</Button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            About this service
          </Link>
        </p>
      </div>
    </div>
  );
}
