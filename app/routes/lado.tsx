import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCurrent } from "~/server/auth.server";

/** The LADO's area: signed in; each page decides who may see it (the LADO, or someone added to a case). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCurrent(request, context);
  return null;
}

export default function LadoLayout() {
  return <Outlet />;
}
