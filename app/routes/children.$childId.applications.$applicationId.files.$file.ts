import type { LoaderFunctionArgs } from "@remix-run/node";
import { getParentPartFile } from "~/domain/licences-parent.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { fileResponse } from "~/ui/children/fileResponse.server";

/** GET /children/{id}/applications/{id}/files/photo (or birth-certificate): the file in the parent's part, for the parent only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "parent:use");
  return fileResponse(await guard(getParentPartFile(db(), actor, params.childId ?? "", params.applicationId ?? "", params.file ?? "")));
}
