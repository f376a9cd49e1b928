import { useEffect, useState } from "react";
import { type BreakPeriod, checkSchedule, type Finding, type Period } from "~/domain/hours/rules";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? "").trim();
  return TIME.test(value) ? value : null;
};

/** The day as typed so far, or null until the date, arrival and departure are all valid. */
function dayFromForm(form: FormData, slots: number[]) {
  const [d, m, y] = ["dateDay", "dateMonth", "dateYear"].map((n) => Number(form.get(n)));
  const arrive = time(form, "arrive");
  const depart = time(form, "depart");
  if (!d || !m || !(y > 1999) || !arrive || !depart || depart <= arrive) return null;
  const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return null;
  const period = (prefix: string, i: number): Period | null => {
    const start = time(form, `${prefix}${i}Start`);
    const end = time(form, `${prefix}${i}End`);
    return start && end && start < end ? { start, end } : null;
  };
  const performing = slots.map((i) => period("performing", i)).filter((p): p is Period => !!p);
  const breaks = slots
    .map((i) => {
      const p = period("break", i);
      return p ? ({ ...p, kind: form.get(`break${i}Kind`) === "rest" ? "rest" : "meal" } as BreakPeriod) : null;
    })
    .filter((p): p is BreakPeriod => !!p);
  return { date, arrive, depart, performing, breaks };
}

/**
 * With JavaScript on, the hours rules for this one day (HOURS-*) as the producer types, from the same pure
 * function the server uses. Rules across days (overnight, days in a row) are checked when the day is saved.
 */
export function LiveHoursCheck({ formId, dateOfBirth, slots }: { formId: string; dateOfBirth: string; slots: number[] }) {
  const [state, setState] = useState<{ findings: Finding[] } | null>(null);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const update = () => {
      const day = dayFromForm(new FormData(form), slots);
      setState(day ? { findings: checkSchedule({ child: { dateOfBirth }, nightWorkPermitted: true, days: [day] }).findings } : null);
    };
    update();
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    return () => {
      form.removeEventListener("input", update);
      form.removeEventListener("change", update);
    };
  }, [formId, dateOfBirth, slots]);
  return (
    <div aria-live="polite" className="govuk-!-margin-bottom-6" data-testid="live-hours-check">
      {state === null ? null : state.findings.length ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">This day does not meet the hours rules yet</h2>
          <ul className="govuk-list govuk-list--bullet">
            {state.findings.map((f) => (
              <li key={`${f.rule}-${f.message}`}>
                {f.message.replace(/\.$/, "")} ({f.rule}){f.needsPermission ? ": night work, which the council must permit" : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="govuk-inset-text">So far this day is within the hours rules for the child's age.</div>
      )}
    </div>
  );
}
