import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCapability } from "~/server/auth.server";

/** The producers' area: every page needs the producer role (each loader and action checks the organisation again). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "producer:use");
  return null;
}

export default function ProducerLayout() {
  return <Outlet />;
}
