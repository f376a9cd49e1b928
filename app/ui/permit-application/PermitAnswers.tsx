import { formatDate } from "~/domain/calendar/dates";
import { Link } from "@remix-run/react";
import type { WeekPattern } from "#db/schema/employment";
import { SummaryList, type SummaryRow } from "../govuk/components";
import { PatternTable } from "./PatternTable";

type EmployerPart = {
  businessName: string | null;
  workplaceAddress: string | null;
  workplacePostcode: string | null;
  occupationLabel: string | null;
  jobDescription: string | null;
  startDate: string | null;
  termPattern: WeekPattern | null;
  holidayPattern: WeekPattern | null;
  supervisorName: string | null;
  riskAssessmentConfirmed: boolean | null;
};
type ParentPart = { name: string | null; hasHealthConditions: boolean | null; healthDetails: string | null; consentName: string | null };
type Child = { name: string; dateOfBirth: string; ageOnStart: number | null; school: string | null } | null;

const notGiven = "Not given";
const lines = (...values: (string | null)[]) =>
  values.filter(Boolean).map((line) => (
    <span key={line} className="govuk-!-display-block">
      {line}
    </span>
  ));

/**
 * Both parts of a permit application as summary lists. `changeBase` adds "Change" links to the reader's own part
 * (their pages, with ?from=check). The employer sees only whether the parent declared health conditions.
 */
export function PermitAnswers({
  employer,
  parent,
  child,
  authorityName,
  as,
  changeBase,
}: {
  employer: EmployerPart;
  parent: ParentPart;
  child: Child;
  authorityName: string | null;
  as: "employer" | "parent";
  changeBase: string | null;
}) {
  const change = (part: "employer" | "parent", slug: string, hidden: string) =>
    changeBase && as === part ? { to: `${changeBase}/${slug}?from=check`, label: "Change", hidden } : undefined;
  const employerRows: SummaryRow[] = [
    { key: "Business", value: employer.businessName ?? notGiven, action: change("employer", "business", "business") },
    {
      key: "Workplace",
      value: employer.workplaceAddress ? lines(employer.workplaceAddress, employer.workplacePostcode) : notGiven,
      action: change("employer", "business", "workplace"),
    },
    { key: "Council deciding", value: authorityName ?? notGiven },
    { key: "Kind of work", value: employer.occupationLabel ?? notGiven, action: change("employer", "job", "kind of work") },
    { key: "What the child will do", value: <span className="app-pre-line">{employer.jobDescription ?? notGiven}</span>, action: change("employer", "job", "job description") },
    { key: "Start date", value: employer.startDate ? formatDate(employer.startDate) : notGiven, action: change("employer", "job", "start date") },
    { key: "Supervisor", value: employer.supervisorName ?? notGiven, action: change("employer", "supervision", "supervisor") },
    {
      key: "Risk assessment",
      value: employer.riskAssessmentConfirmed ? "Done for the child's work" : "Not confirmed",
      action: change("employer", "supervision", "risk assessment"),
    },
  ];
  const health =
    parent.hasHealthConditions === null
      ? "Not answered"
      : as === "employer"
        ? "Answered by the parent (the details go to the council only)"
        : parent.hasHealthConditions
          ? <span className="app-pre-line">Yes: {parent.healthDetails}</span>
          : "No";
  const parentRows: SummaryRow[] = [
    { key: "Child", value: child ? child.name : "Not chosen yet" },
    ...(child
      ? [
          { key: "Date of birth", value: `${formatDate(child.dateOfBirth)}${child.ageOnStart !== null ? ` (${child.ageOnStart} on the start date)` : ""}` },
          { key: "School", value: child.school ?? notGiven },
        ]
      : []),
    { key: "Health conditions or disabilities", value: health, action: change("parent", "health", "health conditions or disabilities") },
    { key: "Consent", value: parent.consentName ? `Signed by ${parent.consentName}` : "Not given", action: change("parent", "consent", "consent") },
  ];
  return (
    <>
      <h2 className="govuk-heading-m">The employer's part</h2>
      <SummaryList rows={employerRows} />
      <div className="govuk-!-margin-bottom-6">
        <PatternTable term={employer.termPattern} holiday={employer.holidayPattern} caption="Usual hours" />
        {changeBase && as === "employer" ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`${changeBase}/hours/term?from=check`}>
              Change the hours in term time
            </Link>{" "}
            or{" "}
            <Link className="govuk-link" to={`${changeBase}/hours/holiday?from=check`}>
              in the school holidays
            </Link>
          </p>
        ) : null}
      </div>
      <h2 className="govuk-heading-m">The child and parent's part</h2>
      <SummaryList rows={parentRows} />
    </>
  );
}
