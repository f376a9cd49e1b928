import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCapability } from "~/server/auth.server";

/** The employers' area: every page needs the employer role (each loader and action checks the organisation again). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "employer:use");
  return null;
}

export default function EmployerLayout() {
  return <Outlet />;
}
