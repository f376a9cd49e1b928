import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { findPublicDocument } from "~/domain/documents.server";
import { db } from "~/server/db.server";
import { limitByAddress } from "~/server/rate-limit.server";

/** GET /verify/{reference}.json: the public status of a document (DESIGN.md public contract). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitByAddress(context, "verify", 60);
  const doc = await findPublicDocument(db(), params.reference ?? "");
  const headers = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };
  if (!doc) return json({ errors: [{ path: "reference", message: "No document with this reference" }] }, { status: 404, headers });
  return json(
    {
      reference: doc.reference,
      type: doc.type,
      kind: doc.kind,
      status: doc.status,
      validFrom: doc.validFrom,
      validTo: doc.validTo,
      issuingAuthority: doc.issuingAuthority,
      holderInitials: doc.holderInitials,
      issuedOn: doc.issuedOn,
      replacedBy: doc.replacedBy,
      specimen: doc.specimen,
    },
    { headers },
  );
}
