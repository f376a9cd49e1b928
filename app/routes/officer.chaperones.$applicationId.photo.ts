import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChaperoneApplicationPhoto } from "~/domain/chaperones.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";

/** GET /officer/chaperones/{id}/photo: the applicant's photograph, for officers of the application's council (404 for anyone else). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // A resource route: the officer layout's loader does not run, so the role is checked here too.
  const { actor } = await requireCapability(request, context, "chaperone-application:decide");
  const photo = await guard(getChaperoneApplicationPhoto(db(), actor, params.applicationId ?? ""));
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.bytes.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
