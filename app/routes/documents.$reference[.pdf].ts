import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadDocument } from "~/domain/documents.server";
import { requireCurrent } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";

/** GET /documents/{reference}.pdf: the signed PDF, for the people entitled to it (403 for anyone else). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCurrent(request, context);
  const { filename, pdf } = await guard(downloadDocument(db(), actor, params.reference ?? ""));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
    },
  });
}
