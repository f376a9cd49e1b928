import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMyUpload } from "~/domain/uploads.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";

/** GET /chaperone/uploads/{id}: one of the chaperone's own uploads (their photograph shown back to them). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "chaperone:use");
  const file = await guard(getMyUpload(db(), actor, params.uploadId ?? ""));
  const disposition = file.contentType.startsWith("image/") ? "inline" : "attachment";
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `${disposition}; filename="${file.filename.replace(/"/g, "")}"`,
      "Content-Length": String(file.bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
