import { and, eq, gte, inArray, isNull, lte, max, sql } from "drizzle-orm";
import { auditEvents } from "#db/schema/audit";
import { children, productions } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { employmentPermits } from "#db/schema/employment";
import { performanceApplications, schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { addDays, londonDate } from "../calendar/dates";
import { addWorkingDays } from "../calendar/workingDays";
import { authorityScope } from "../identity/capabilities";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { CLOCK_KINDS, CLOCK_RULES, type ClockKind, clockStage, ESCALATE_WITHIN_WORKING_DAYS, STAGE_ORDER } from "./rules";

const OPEN = ["submitted", "awaiting-school", "under-review", "information-requested"] as const;

export type ClockItem = {
  kind: ClockKind;
  id: string;
  authorityId: string;
  reference: string;
  /** Who or what it is about, for the officer. */
  about: string;
  dueOn: string;
  stage: ReturnType<typeof clockStage>;
  href: string;
};

/**
 * Every item with a statutory clock for these authorities on `today`, most urgent first: undecided licences whose
 * first performance is within 14 days (or has passed), school answers overdue or due within 2 working days,
 * information requested and not returned, undecided late permits, and chaperone approvals and BOPAs ending within
 * 30 days (or lapsed in the last 30). For officers' pages and the escalation job; the caller scopes the authorities.
 */
export async function listClocks(db: Db, authorityIds: string[], { now = new Date() }: { now?: Date } = {}): Promise<ClockItem[]> {
  if (!authorityIds.length) return [];
  const today = londonDate(now);
  const closures = new Map(await Promise.all(authorityIds.map(async (id) => [id, (await getAuthoritySettings(db, id)).closureDays] as const)));
  const closed = (id: string) => closures.get(id) ?? [];
  const soonest = addWorkingDays(today, ESCALATE_WITHIN_WORKING_DAYS, []);
  const name = sql<string>`${children.firstName} || ' ' || ${children.lastName}`;

  const requested = db
    .select({ recordId: auditEvents.recordId, at: max(auditEvents.at).as("clock_requested_at") })
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, "performance-application"), eq(auditEvents.action, "licence.information-requested")))
    .groupBy(auditEvents.recordId)
    .as("clock_requested");

  const [soon, schools, permitSchools, information, latePermits, documents] = await Promise.all([
    db
      .select({ id: performanceApplications.id, authorityId: performanceApplications.authorityId, reference: performanceApplications.reference, about: name, production: productions.title, firstDate: performanceApplications.firstScheduleDate })
      .from(performanceApplications)
      .innerJoin(children, eq(children.id, performanceApplications.childId))
      .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
      .where(
        and(
          inArray(performanceApplications.authorityId, authorityIds),
          inArray(performanceApplications.status, [...OPEN]),
          lte(performanceApplications.firstScheduleDate, addDays(today, CLOCK_RULES["first-performance"].listFromDays)),
        ),
      ),
    db
      .select({ id: schoolConsultations.id, applicationId: performanceApplications.id, authorityId: performanceApplications.authorityId, reference: performanceApplications.reference, about: name, dueOn: schoolConsultations.dueOn })
      .from(schoolConsultations)
      .innerJoin(performanceApplications, eq(performanceApplications.id, schoolConsultations.applicationId))
      .innerJoin(children, eq(children.id, performanceApplications.childId))
      .where(
        and(
          inArray(performanceApplications.authorityId, authorityIds),
          inArray(performanceApplications.status, [...OPEN]),
          isNull(schoolConsultations.response),
          lte(schoolConsultations.dueOn, addDays(soonest, 7)),
        ),
      ),
    db
      .select({ id: schoolConsultations.id, permitId: employmentPermits.id, authorityId: employmentPermits.authorityId, reference: employmentPermits.reference, about: name, dueOn: schoolConsultations.dueOn })
      .from(schoolConsultations)
      .innerJoin(employmentPermits, eq(employmentPermits.id, schoolConsultations.permitId))
      .innerJoin(children, eq(children.id, employmentPermits.childId))
      .where(
        and(
          inArray(employmentPermits.authorityId, authorityIds),
          eq(employmentPermits.status, "submitted"),
          isNull(schoolConsultations.response),
          lte(schoolConsultations.dueOn, addDays(soonest, 7)),
        ),
      ),
    db
      .select({ id: performanceApplications.id, authorityId: performanceApplications.authorityId, reference: performanceApplications.reference, about: name, requestedAt: requested.at })
      .from(performanceApplications)
      .innerJoin(requested, eq(requested.recordId, sql`${performanceApplications.id}::text`))
      .innerJoin(children, eq(children.id, performanceApplications.childId))
      .where(and(inArray(performanceApplications.authorityId, authorityIds), eq(performanceApplications.status, "information-requested"))),
    db
      .select({ id: employmentPermits.id, authorityId: employmentPermits.authorityId, reference: employmentPermits.reference, about: name, startDate: employmentPermits.startDate })
      .from(employmentPermits)
      .innerJoin(children, eq(children.id, employmentPermits.childId))
      .where(and(inArray(employmentPermits.authorityId, authorityIds), eq(employmentPermits.status, "submitted"), eq(employmentPermits.late, true))),
    db
      .select({ id: issuedDocuments.id, kind: issuedDocuments.kind, authorityId: issuedDocuments.authorityId, reference: issuedDocuments.reference, about: issuedDocuments.holderName, validTo: issuedDocuments.validTo })
      .from(issuedDocuments)
      .where(
        and(
          inArray(issuedDocuments.authorityId, authorityIds),
          inArray(issuedDocuments.kind, ["chaperone-licence", "bopa-approval"]),
          eq(issuedDocuments.status, "valid"),
          isNull(issuedDocuments.supersededById),
          gte(issuedDocuments.validTo, addDays(today, -30)),
          lte(issuedDocuments.validTo, addDays(today, 30)),
        ),
      ),
  ]);

  const items: ClockItem[] = [
    ...soon.map((a) => ({
      kind: "first-performance" as const,
      id: a.id,
      authorityId: a.authorityId,
      reference: a.reference ?? "",
      about: `${a.about}, ${a.production}`,
      dueOn: a.firstDate ?? today,
      stage: clockStage(a.firstDate ?? today, today, closed(a.authorityId), { breachedOnDueDay: true }),
      href: `/officer/licences/${a.id}`,
    })),
    ...schools.map((c) => ({
      kind: "school-answer" as const,
      id: c.id,
      authorityId: c.authorityId,
      reference: c.reference ?? "",
      about: c.about,
      dueOn: c.dueOn,
      stage: clockStage(c.dueOn, today, closed(c.authorityId)),
      href: `/officer/licences/${c.applicationId}`,
    })),
    ...permitSchools.map((c) => ({
      kind: "school-answer" as const,
      id: c.id,
      authorityId: c.authorityId ?? "",
      reference: c.reference ?? "",
      about: c.about,
      dueOn: c.dueOn,
      stage: clockStage(c.dueOn, today, closed(c.authorityId ?? "")),
      href: `/officer/permits/${c.permitId}`,
    })),
    ...information.map((a) => {
      const dueOn = addWorkingDays(londonDate(new Date(a.requestedAt as unknown as string)), CLOCK_RULES.information.replyWorkingDays, closed(a.authorityId));
      return {
        kind: "information" as const,
        id: a.id,
        authorityId: a.authorityId,
        reference: a.reference ?? "",
        about: a.about,
        dueOn,
        stage: clockStage(dueOn, today, closed(a.authorityId)),
        href: `/officer/licences/${a.id}`,
      };
    }),
    ...latePermits.map((p) => {
      // EMPLOY-7DAYS: already late when it arrived
      const dueOn = addDays(p.startDate ?? today, 7);
      return { kind: "late-permit" as const, id: p.id, authorityId: p.authorityId ?? "", reference: p.reference ?? "", about: p.about, dueOn, stage: "breached" as const, href: `/officer/permits/${p.id}` };
    }),
    ...documents.map((d) => ({
      kind: d.kind === "chaperone-licence" ? ("chaperone-expiry" as const) : ("bopa-ending" as const),
      id: d.id,
      authorityId: d.authorityId,
      reference: d.reference,
      about: d.about,
      dueOn: d.validTo,
      stage: clockStage(d.validTo, today, closed(d.authorityId)),
      href: `/officer/documents/${d.reference}`,
    })),
  ];
  // school answers are listed once due within 2 working days (closure days included) or overdue
  const listed = items.filter((i) => i.kind !== "school-answer" || i.stage !== "running");
  return listed.sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
}

/** The officer's desk: their authorities' clocks, and how many of each kind. */
export async function listOfficerClocks(db: Db, actor: Actor, { now = new Date() }: { now?: Date } = {}) {
  const items = await listClocks(db, authorityScope(actor, "officer:use"), { now });
  const counts = Object.fromEntries(CLOCK_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<ClockKind, number>;
  return { items, counts, breached: items.filter((i) => i.stage === "breached").length };
}
