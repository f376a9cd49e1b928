import { and, count, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { type DocumentStatus, issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { coversPeriod } from "../chaperones/checks";
import { formatDay } from "../calendar/dates";
import { STATUS_LABELS } from "../documents/states";
import { LICENCE_RULES } from "./rules";

/** Applications that no longer put a child in a chaperone's charge. */
const CLOSED = ["refused", "withdrawn", "revoked"] as const;

const approvalColumns = {
  id: issuedDocuments.id,
  reference: issuedDocuments.reference,
  name: issuedDocuments.holderName,
  status: issuedDocuments.status,
  validFrom: issuedDocuments.validFrom,
  validTo: issuedDocuments.validTo,
  authorityName: authorities.name,
};

export type Approval = { id: string; reference: string; name: string; status: DocumentStatus; validFrom: string; validTo: string; authorityName: string };

const list = (dates: string[]) => (dates.length > 1 ? `${dates.slice(0, -1).map(formatDay).join(", ")} and ${formatDay(dates[dates.length - 1])}` : formatDay(dates[0]));

/** A chaperone approval in the national register by its reference (any council's), locked when `lock` so CHAP-RATIO counts are not raced. */
export async function findApproval(db: Db, reference: string, { lock = false } = {}): Promise<Approval | null> {
  const query = db
    .select(approvalColumns)
    .from(issuedDocuments)
    .innerJoin(authorities, eq(authorities.id, issuedDocuments.authorityId))
    .where(and(eq(issuedDocuments.kind, "chaperone-licence"), eq(issuedDocuments.reference, reference)));
  const [row] = lock ? await query.for("update", { of: issuedDocuments }) : await query;
  return row ?? null;
}

/** CHAP-VALID: the approval must be in force (valid in the register, within its dates) on every date; the message names the dates it fails. */
export function validityProblem(approval: Approval, dates: string[]) {
  const failing = dates.filter((date) => !coversPeriod(approval, date, date)).sort();
  if (!failing.length) return null;
  if (approval.status !== "valid") {
    return `${approval.name}'s approval ${approval.reference} is ${STATUS_LABELS[approval.status].toLowerCase()}, so they cannot be the chaperone on ${list(failing)} (CHAP-VALID)`;
  }
  return `${approval.name}'s approval ${approval.reference} runs from ${formatDay(approval.validFrom)} to ${formatDay(approval.validTo)}, so it does not cover ${list(failing)} (CHAP-VALID)`;
}

type Load = { documentId: string | null; date: string; children: number; tutors: number };

/** How many children of the production each chaperone has on each date, and on how many of those they are also the tutor. */
export function chaperoneLoads(db: Db, productionId: string, documentIds: string[], exceptApplicationId?: string): Promise<Load[]> {
  if (!documentIds.length) return Promise.resolve([]);
  return db
    .select({
      documentId: scheduleDays.chaperoneDocumentId,
      date: scheduleDays.date,
      children: count(),
      tutors: sql<number>`count(*) filter (where ${scheduleDays.chaperoneIsTutor})`.mapWith(Number),
    })
    .from(scheduleDays)
    .innerJoin(performanceApplications, eq(performanceApplications.id, scheduleDays.applicationId))
    .where(
      and(
        eq(performanceApplications.productionId, productionId),
        eq(scheduleDays.chaperone, "chaperone"),
        inArray(scheduleDays.chaperoneDocumentId, documentIds),
        notInArray(performanceApplications.status, [...CLOSED]),
        exceptApplicationId ? ne(performanceApplications.id, exceptApplicationId) : undefined,
      ),
    )
    .groupBy(scheduleDays.chaperoneDocumentId, scheduleDays.date);
}

/** CHAP-RATIO: at most 12 children per chaperone on a day, or 3 when the chaperone is also a tutor that day. */
function ratioLimit(anyTutor: boolean) {
  const rule = LICENCE_RULES["CHAP-RATIO"];
  return anyTutor ? rule.maxChildrenIfTutor : rule.maxChildren;
}

export function ratioProblem(name: string, date: string, children: number, anyTutor: boolean, tense: "would" | "does" = "does") {
  const limit = ratioLimit(anyTutor);
  if (children <= limit) return null;
  const verb = tense === "would" ? "would look after" : "looks after";
  return `On ${formatDay(date)} ${name} ${verb} ${children} children in this production; the limit is ${limit}${anyTutor ? " when the chaperone is also a tutor" : ""} (CHAP-RATIO)`;
}

type Day = { id: string; date: string; chaperone: "parent" | "chaperone" | null; chaperoneDocumentId: string | null; chaperoneIsTutor: boolean };

/** Who looks after the child on each day, checked now against the register and the production's other children. */
export async function dayChaperones(db: Db, productionId: string, days: Day[]) {
  const ids = [...new Set(days.map((d) => d.chaperoneDocumentId).filter((id): id is string => !!id))];
  const [approvals, loads] = ids.length
    ? await Promise.all([
        db
          .select(approvalColumns)
          .from(issuedDocuments)
          .innerJoin(authorities, eq(authorities.id, issuedDocuments.authorityId))
          .where(inArray(issuedDocuments.id, ids)),
        chaperoneLoads(db, productionId, ids),
      ])
    : [[], []];
  return days.map((day) => {
    const base = { dayId: day.id, date: day.date, who: day.chaperone, isTutor: day.chaperoneIsTutor };
    if (day.chaperone === "parent") return { ...base, label: "The child's parent", reference: null, problems: [] as string[] };
    const approval = approvals.find((a) => a.id === day.chaperoneDocumentId);
    if (day.chaperone !== "chaperone" || !approval) return { ...base, who: null, label: "Not chosen yet", reference: null, problems: [] as string[] };
    const load = loads.find((l) => l.documentId === approval.id && l.date === day.date);
    const problems = [
      validityProblem(approval, [day.date]),
      ratioProblem(approval.name, day.date, load?.children ?? 1, (load?.tutors ?? 0) > 0),
    ].filter((p): p is string => !!p);
    return { ...base, label: `${approval.name} (${approval.reference})`, reference: approval.reference, problems };
  });
}

export type DayChaperoneCheck = Awaited<ReturnType<typeof dayChaperones>>[number];
