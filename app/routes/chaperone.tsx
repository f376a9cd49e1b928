import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCapability } from "~/server/auth.server";

/** The chaperones' area: every page needs the chaperone role (each loader and action checks it again). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "chaperone:use");
  return null;
}

export default function ChaperoneLayout() {
  return <Outlet />;
}
