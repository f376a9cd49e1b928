import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCapability } from "~/server/auth.server";

/** The schools' area: every page needs the school role (each loader and action checks it again). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "school:use");
  return null;
}

export default function SchoolLayout() {
  return <Outlet />;
}
