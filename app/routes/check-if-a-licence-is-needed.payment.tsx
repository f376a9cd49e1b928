import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadYesNo, yesNoAction } from "~/server/checker.server";
import { questionTitle } from "~/ui/checker/CheckerPage";
import { YesNoQuestionPage } from "~/ui/checker/YesNoQuestionPage";

export const handle = { title: questionTitle };

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadYesNo(request, "payment"));
}

export const action = (args: ActionFunctionArgs) => yesNoAction(args, "payment");

export default function Payment() {
  return <YesNoQuestionPage slug="payment" data={useLoaderData<typeof loader>()} lastResult={useActionData<typeof action>()} />;
}
