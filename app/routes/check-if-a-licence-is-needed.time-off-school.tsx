import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadYesNo, yesNoAction } from "~/server/checker.server";
import { questionTitle } from "~/ui/checker/CheckerPage";
import { YesNoQuestionPage } from "~/ui/checker/YesNoQuestionPage";

export const handle = { title: questionTitle };

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadYesNo(request, "time-off-school"));
}

export const action = (args: ActionFunctionArgs) => yesNoAction(args, "time-off-school");

export default function TimeOffSchool() {
  return <YesNoQuestionPage slug="time-off-school" data={useLoaderData<typeof loader>()} lastResult={useActionData<typeof action>()} />;
}
