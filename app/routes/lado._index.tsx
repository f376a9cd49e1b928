import { formatDate, formatMoment } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listLadoCases } from "~/domain/safeguarding.server";
import { SUBJECT_ROLE_LABELS } from "~/domain/safeguarding/labels";
import type { ReferralFigure } from "~/domain/safeguarding/rules";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { Table, Tag } from "~/ui/govuk/components";
import { ClockTag } from "~/ui/safeguarding/ClockTag";

export const handle = { title: "LADO referrals" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "lado:use");
  return json({ desk: await listLadoCases(db(), actor) });
}

const percent = (f: ReferralFigure) => (f.share === null ? "–" : `${Math.round(f.share * 100)}%`);
/** A resolution target (LADO-RESOLUTION): the date, in red once it has passed unresolved. */
function MonthClock({ target, passed }: { target: string; passed: boolean }) {
  return passed ? <Tag colour="red">Missed {formatDate(target)}</Tag> : <span>By {formatDate(target)}</span>;
}

function Figure({ label, figure, target }: { label: string; figure: ReferralFigure; target?: string }) {
  return (
    <div className="govuk-grid-column-one-third">
      <p className="govuk-body govuk-!-margin-bottom-1">{label}</p>
      <p className="govuk-heading-xl govuk-!-margin-bottom-1">{percent(figure)}</p>
      <p className="govuk-body-s">
        {figure.count ? `${figure.met} of ${figure.count}` : "No referrals to count yet"}
        {target ? `. Target ${target}` : ""}
      </p>
    </div>
  );
}

export default function LadoDesk() {
  const { desk } = useLoaderData<typeof loader>();
  if (!desk) return null;
  const caseLink = (reference: string) => (
    <Link className="govuk-link" to={`/lado/cases/${reference}`}>
      {reference}
    </Link>
  );
  return (
    <>
      <h1 className="govuk-heading-l">LADO referrals</h1>
      <h2 className="govuk-heading-m">The last 12 months</h2>
      <div className="govuk-grid-row">
        <Figure label="Referred within 1 working day" figure={desk.figures.referredWithinOneWorkingDay} />
        <Figure label="Resolved within 1 month" figure={desk.figures.resolvedWithinOneMonth} target="80%" />
        <Figure label="Resolved within 3 months" figure={desk.figures.resolvedWithinThreeMonths} target="90%" />
      </div>
      <h2 className="govuk-heading-m">New concerns</h2>
      {desk.newConcerns.length ? (
        <Table
          caption="Decide whether each meets the threshold within 1 working day"
          head={["Reference", "Received", "About", "Decide by"]}
          rows={desk.newConcerns.map((c) => [
            caseLink(c.reference),
            formatMoment(c.receivedAt),
            SUBJECT_ROLE_LABELS[c.subjectRole],
            <ClockTag key="clock" clock={c.clock} />,
          ])}
        />
      ) : (
        <p className="govuk-body">There are no new concerns.</p>
      )}
      <h2 className="govuk-heading-m">Open referrals</h2>
      {desk.openReferrals.length ? (
        <Table
          caption="Oldest first"
          head={["Reference", "About", "Referred", "Case", "1 month", "3 months"]}
          rows={desk.openReferrals.map((r) => [
            caseLink(r.reference),
            `${r.subjectName} (${SUBJECT_ROLE_LABELS[r.subjectRole].toLowerCase()})`,
            <ClockTag key="clock" clock={r.clock} />,
            r.caseReference ?? "Not linked yet",
            <MonthClock key="one" target={r.oneMonth} passed={r.stage !== "within-1-month"} />,
            <MonthClock key="three" target={r.threeMonths} passed={r.stage === "over-3-months"} />,
          ])}
        />
      ) : (
        <p className="govuk-body">There are no open referrals.</p>
      )}
    </>
  );
}
