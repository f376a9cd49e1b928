import { formatMoment } from "~/domain/calendar/dates";
import { Table } from "../govuk/components";

type Event = { id: number; action: string; actorLabel: string; at: string; ip: string | null; after?: unknown };


const ACTIONS: Record<string, string> = {
  "document.issued": "Issued",
  "document.suspended": "Suspended",
  "document.reinstated": "Reinstated",
  "document.revoked": "Revoked",
  "document.superseded": "Replaced by a new document",
  "school.added": "Added to the list of schools",
  "chaperone.check-recorded": "Check recorded",
  "chaperone.reference-judged": "Reference judged",
  "chaperone.information-requested": "More information requested",
  "chaperone.granted": "Approved",
  "chaperone.refused": "Refused",
  "bopa.submitted": "Applied",
  "bopa.granted": "Approved",
  "bopa.refused": "Refused",
  "bopa.revoked": "Revoked",
  "licence.started": "Started by the producer",
  "licence.schedule-day-added": "Schedule day added",
  "licence.schedule-day-changed": "Schedule day changed",
  "licence.schedule-day-removed": "Schedule day removed",
  "licence.schedule-copied": "Schedule copied",
  "licence.chaperone-chosen": "Chaperone chosen",
  "licence.payment-saved": "Payment saved",
  "licence.education-saved": "Education saved",
  "licence.night-work-reasons-saved": "Night work reasons saved",
  "licence.contract-uploaded": "Contract uploaded",
  "performance-application.parent-section-saved": "Parent's answer saved",
  "performance-application.parent-part-completed": "Parent's part completed",
  "performance-application.submitted": "Submitted",
  "performance-application.school-consulted": "School asked for its view",
  "performance-application.school-not-consulted": "School not asked",
  "school-consultation.answered": "School answered",
  "school-consultation.reminder-sent": "School reminded",
  "licence.assigned": "Assigned",
  "licence.unassigned": "Unassigned",
  "licence.information-requested": "More information requested",
  "licence.information-returned": "Producer replied",
  "licence.granted": "Licence granted",
  "licence.refused": "Refused",
  "licence.revoked": "Licence revoked",
  "employment-permit.started": "Started",
  "employment-permit.employer-part-saved": "Employer's answer saved",
  "employment-permit.parent-invited": "Parent asked to take part",
  "employment-permit.employer-invited": "Employer asked to take part",
  "employment-permit.parent-joined": "Parent joined",
  "employment-permit.employer-joined": "Employer joined",
  "employment-permit.parent-part-saved": "Parent's answer saved",
  "employment-permit.parent-part-completed": "Parent's part completed",
  "employment-permit.submitted": "Submitted",
  "employment-permit.school-told": "School told",
  "employment-permit.school-not-told": "School not told",
  "employment-permit.granted": "Permit granted",
  "employment-permit.refused": "Refused",
  "employment-permit.revoked": "Permit revoked",
  "employment-permit.ended": "Permit ended",
};

/** "Suspended: A concern has been referred", or the raw action name for anything not yet described. */
function describe(event: Event) {
  const label = ACTIONS[event.action] ?? event.action;
  const after = (event.after ?? {}) as { reason?: unknown; supersededBy?: unknown; summary?: unknown };
  if (typeof after.summary === "string") return `${label}: ${after.summary}`;
  if (typeof after.reason === "string") return `${label}: ${after.reason}`;
  if (typeof after.supersededBy === "string") return `${label} (${after.supersededBy})`;
  return label;
}

/** A record's audit history for staff. */
export function RecordHistory({ events }: { events: Event[] }) {
  if (!events.length) return <p className="govuk-body">No changes have been recorded.</p>;
  return <Table caption="History" head={["When", "What", "Who"]} rows={events.map((e) => [formatMoment(e.at), describe(e), e.actorLabel])} />;
}
