import { Table, Tag } from "../govuk/components";

export type FindingView = { rule: string; message: string; limit?: string; actual?: string; pattern?: "term" | "holiday" };

const WEEK = { term: "Term time", holiday: "School holidays" } as const;

/** The EMPLOY-* findings: rule, what was found, the limit and the actual value, and which week it is in. */
export function Findings({ findings, caption = "Employment rules", empty }: { findings: FindingView[]; caption?: string; empty?: string }) {
  if (!findings.length) {
    return empty ? (
      <p className="govuk-body">
        <Tag colour="green">{empty}</Tag>
      </p>
    ) : null;
  }
  return (
    <Table
      caption={<span className="govuk-heading-s">{caption}</span>}
      head={["Rule", "What we found", "Limit", "Actual"]}
      rows={findings.map((f) => [
        <>
          <Tag colour="red">{f.rule}</Tag>
          {f.pattern ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{WEEK[f.pattern]}</span> : null}
        </>,
        f.message,
        f.limit ?? "",
        f.actual ?? "",
      ])}
    />
  );
}
