import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readForm } from "~/server/forms.server";
import { endSession } from "~/server/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  return redirect("/signed-out", { headers: { "Set-Cookie": await endSession(request) } });
}

export function loader() {
  return redirect("/");
}
