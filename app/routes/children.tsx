import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCapability } from "~/server/auth.server";

/** The parents' area: every page needs the parent role (each loader and action checks the child is theirs). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "parent:use");
  return null;
}

export default function ChildrenLayout() {
  return <Outlet />;
}
