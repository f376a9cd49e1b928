import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOfficerLicenceFile } from "~/domain/licences-officer.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { fileResponse } from "~/ui/children/fileResponse.server";

/**
 * GET /officer/licences/{id}/files/{photo|birth-certificate|contract}: an upload of a submitted application, for
 * officers of the child's home authority (404 for anyone else). Never cached.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // A resource route: the officer layout's loader does not run, so the role is checked here too.
  const { actor } = await requireCapability(request, context, "performance-application:decide");
  return fileResponse(await guard(getOfficerLicenceFile(db(), actor, params.applicationId ?? "", params.file ?? "")));
}
