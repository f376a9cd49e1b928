import type { LoaderFunctionArgs } from "@remix-run/node";
import { getBopaUpload } from "~/domain/bopa.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";

/**
 * GET /officer/bopa/{id}/files/{child-protection-policy|risk-assessment}: an upload of the application, for officers
 * of the host authority (404 for anyone else). Always downloaded, never shown inline, never cached.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // A resource route: the officer layout's loader does not run, so the role is checked here too.
  const { actor } = await requireCapability(request, context, "bopa:decide");
  const file = await guard(getBopaUpload(db(), actor, params.applicationId ?? "", params.file ?? ""));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename.replace(/["\\]/g, "")}"`,
      "Content-Length": String(file.bytes.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
