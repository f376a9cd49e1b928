import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChildFile } from "~/domain/children.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { fileResponse } from "~/ui/children/fileResponse.server";

/** GET /children/{id}/birth-certificate: the copy of the child's birth certificate, for their parent only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "parent:use");
  return fileResponse(await guard(getChildFile(db(), actor, params.childId ?? "", "birth-certificate")));
}
