import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/domain/calendar/dates";
import { listTermDates, removeTermDate } from "~/domain/terms.server";
import { requireAdmin } from "~/server/admin.server";
import { db } from "~/server/db.server";
import { guard, readForm } from "~/server/forms.server";
import { BackLink, NotificationBanner, Table } from "~/ui/govuk/components";
import { PostForm } from "~/ui/govuk/form";

export const handle = { title: "School term dates" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireAdmin(request, context);
  const terms = await guard(listTermDates(db(), actor, authorityId));
  const search = new URL(request.url).searchParams;
  const banner = search.get("added") ? `${search.get("added")} has been added` : search.get("removed") ? `${search.get("removed")} has been removed` : null;
  return json({ terms, banner });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, authorityId } = await requireAdmin(request, context);
  const removed = await guard(removeTermDate(db(), actor, authorityId, String(formData.get("termId") ?? "")));
  return redirect(`/admin/term-dates?removed=${encodeURIComponent(removed.name)}`);
}

export default function TermDates() {
  const { terms, banner } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin">Administration</BackLink>
        {banner ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">{banner}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">School term dates</h1>
        <p className="govuk-body">
          Your schools' terms and half-terms. A performance licence application counts a weekday within a term (not a bank holiday) as a school day the
          child misses, and then needs education arrangements and the school's view. Days already in applications keep what was counted when they were
          saved.
        </p>
        <p className="govuk-body">
          <Link className="govuk-button govuk-button--secondary" to="/admin/term-dates/new">
            Add a term
          </Link>
        </p>
        {terms.length ? (
          <Table
            label="Term dates"
            head={["Term", "First day", "Last day", <span key="action" className="govuk-visually-hidden">Action</span>]}
            rows={terms.map((t) => [
              t.name,
              formatDay(t.startDate),
              formatDay(t.endDate),
              <PostForm key="remove">
                <input type="hidden" name="termId" value={t.id} />
                <button type="submit" className="app-link-button">
                  Remove<span className="govuk-visually-hidden"> {t.name}</span>
                </button>
              </PostForm>,
            ])}
          />
        ) : (
          <p className="govuk-body">No terms have been added yet, so no school days are counted.</p>
        )}
      </div>
    </div>
  );
}
