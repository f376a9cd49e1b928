import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCapability } from "~/server/auth.server";

/** The authority administrators' area. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "admin:use");
  return null;
}

export default function AdminLayout() {
  return <Outlet />;
}
