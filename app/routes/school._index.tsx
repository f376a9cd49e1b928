import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listSchoolConsultations } from "~/domain/school-consultations.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { formatDay } from "~/domain/calendar/dates";
import { NotificationBanner, Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Your school" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "school:use");
  const desk = await listSchoolConsultations(db(), actor);
  return json({ ...desk, answered: new URL(request.url).searchParams.get("answered") });
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

const childLink = (c: Item) => (
  <Link key={c.id} className="govuk-link" to={`/school/consultations/${c.id}`}>
    {c.childName}
  </Link>
);

const OUTCOME = {
  performance: { consent: "Consented", object: "Objected" },
  permit: { consent: "No concern", object: "Concern raised" },
} as const;

export default function SchoolDesk() {
  const { schools, waiting, done, answered } = useLoaderData<typeof loader>();
  const several = schools.length > 1;
  return (
    <>
      {answered ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">The school's answer has been sent to the council.</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{schools.map((s) => s.name).join(", ")}</span>
      <h1 className="govuk-heading-l">Your school</h1>
      <p className="govuk-body">
        When a child from your school would miss school to perform, or applies for a permit to work part-time, the council asks for the head teacher's
        view before it decides.
      </p>
      {waiting.length ? (
        <Table
          caption="Waiting for your answer"
          head={["Child", ...(several ? ["School"] : []), "About", "School days missed", "Answer due by", "Time left"]}
          rows={waiting.map((c) => [
            childLink(c),
            ...(several ? [c.schoolName] : []),
            c.about,
            c.schoolDaysMissed ?? "Not applicable",
            formatDay(c.dueOn),
            <Tag key="clock" colour={c.clock.overdue ? "red" : "blue"}>
              {c.clock.label}
            </Tag>,
          ])}
        />
      ) : (
        <>
          <h2 className="govuk-heading-m">Waiting for your answer</h2>
          <p className="govuk-body">Nothing is waiting for your answer.</p>
        </>
      )}
      {done.length ? (
        <Table
          caption="Answered"
          head={["Child", ...(several ? ["School"] : []), "About", "Answer"]}
          rows={done.map((c) => [
            childLink(c),
            ...(several ? [c.schoolName] : []),
            c.about,
            c.state === "answered" ? (
              <span key="a">
                <Tag colour={c.response === "object" ? "orange" : "green"}>{OUTCOME[c.kind][c.response ?? "consent"]}</Tag> {c.clock.label}
              </span>
            ) : (
              <Tag key="a" colour="grey">
                No longer needed
              </Tag>
            ),
          ])}
        />
      ) : null}
    </>
  );
}
