import { useEffect, useState } from "react";
import { checkPatterns } from "~/domain/employment/pattern";
import { readPatternFields } from "~/domain/employment/patternForm";
import type { EmploymentFinding, EmploymentOptions, Occupation } from "~/domain/employment/rules";

type Check = { dateOfBirth: string; occupation: Occupation; startDate: string; options: EmploymentOptions };

/**
 * With JavaScript on, the week's hours checked against EMPLOY-* as they are typed, by the same function the server
 * uses when they are saved. Nothing shows until every time on the page is complete and valid.
 */
export function LivePatternCheck({ formId, week, check }: { formId: string; week: "term" | "holiday"; check: Check }) {
  const [findings, setFindings] = useState<EmploymentFinding[] | null>(null);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const update = () => {
      const { pattern, errors } = readPatternFields(Object.fromEntries(new FormData(form)));
      if (Object.keys(errors).length) return setFindings(null);
      const input = { ...check, termPattern: week === "term" ? pattern : null, holidayPattern: week === "holiday" ? pattern : null };
      setFindings(checkPatterns(input, check.options).findings);
    };
    update();
    form.addEventListener("input", update);
    return () => form.removeEventListener("input", update);
  }, [formId, week, check]);
  return (
    <div aria-live="polite" data-testid="live-pattern-check">
      {findings === null ? null : findings.length ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">These hours do not meet the employment rules yet</h2>
          <ul className="govuk-list govuk-list--bullet">
            {findings.map((f) => (
              <li key={`${f.rule}-${f.date}-${f.message}`}>
                {f.message.replace(/\.$/, "")} ({f.rule})
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="govuk-inset-text">So far these hours are within the employment rules.</div>
      )}
    </div>
  );
}
