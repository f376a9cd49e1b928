import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCapability } from "~/server/auth.server";

/** Everything under /account needs a signed-in person. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "account:manage");
  return null;
}

export default function AccountLayout() {
  return <Outlet />;
}
