import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/domain/calendar/dates";
import { dateListAction, loadDateList } from "~/server/checker.server";
import { DateListPage } from "~/ui/checker/DateListPage";

export const handle = { title: "Which other days has the child performed on?" };

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDateList(request, "earlier-dates"));
}

export const action = (args: ActionFunctionArgs) => dateListAction(args, "earlier-dates");

export default function EarlierDates() {
  const data = useLoaderData<typeof loader>();
  return (
    <DateListPage
      id="earlier-dates"
      heading={handle.title}
      intro={
        data.window ? (
          <p className="govuk-body">
            Add each day the child performed from {formatDay(data.window.from)} to {formatDay(data.window.to)}, one at a time.
          </p>
        ) : null
      }
      label="date of the earlier performance"
      hint="For example, 14 3 2026"
      data={data}
      lastResult={useActionData<typeof action>()}
    />
  );
}
