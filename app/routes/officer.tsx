import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCapability } from "~/server/auth.server";

/** The licensing officers' area: every page needs the officer role. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "officer:use");
  return null;
}

export default function OfficerLayout() {
  return <Outlet />;
}
