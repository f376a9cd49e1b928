import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { dateListAction, loadDateList } from "~/server/checker.server";
import { DateListPage } from "~/ui/checker/DateListPage";

export const handle = { title: "What dates will the child perform on?" };

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDateList(request, "performance-dates"));
}

export const action = (args: ActionFunctionArgs) => dateListAction(args, "performance-dates");

export default function PerformanceDates() {
  const data = useLoaderData<typeof loader>();
  return (
    <DateListPage
      id="performance-dates"
      heading={handle.title}
      intro={<p className="govuk-body">Add each day the child will perform, one at a time. Include days of rehearsal that are part of the performance.</p>}
      label="performance date"
      hint="For example, 14 3 2026"
      data={data}
      lastResult={useActionData<typeof action>()}
    />
  );
}
