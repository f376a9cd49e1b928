import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { chaperoneChangeReports } from "#db/schema/chaperones";
import { issuedDocuments } from "#db/schema/documents";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { authorityScope } from "../identity/capabilities";
import { CHANGE_REPORT_KIND_LABELS } from "./changeReports";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = {
  id: chaperoneChangeReports.id,
  kind: chaperoneChangeReports.kind,
  details: chaperoneChangeReports.details,
  happenedOn: chaperoneChangeReports.happenedOn,
  late: chaperoneChangeReports.late,
  reportedAt: chaperoneChangeReports.reportedAt,
  acknowledgedBy: chaperoneChangeReports.acknowledgedBy,
  acknowledgedAt: chaperoneChangeReports.acknowledgedAt,
  reference: issuedDocuments.reference,
  documentStatus: issuedDocuments.status,
  chaperoneName: issuedDocuments.holderName,
  chaperoneEmail: users.email,
};

type Row = Awaited<ReturnType<typeof query>>[number];

const view = (r: Row) => ({
  ...r,
  kindLabel: CHANGE_REPORT_KIND_LABELS[r.kind],
  reportedAt: r.reportedAt.toISOString(),
  acknowledgedAt: r.acknowledgedAt ? r.acknowledgedAt.toISOString() : null,
});

function query(db: Db) {
  return db
    .select(columns)
    .from(chaperoneChangeReports)
    .innerJoin(issuedDocuments, eq(issuedDocuments.id, chaperoneChangeReports.documentId))
    .innerJoin(users, eq(users.id, chaperoneChangeReports.applicantUserId));
}

/** Changes reported to the officer's authorities and not yet acknowledged, oldest first. */
export async function listChangeReports(db: Db, actor: Actor) {
  const scope = authorityScope(actor, "chaperone-application:decide");
  if (!scope.length) return [];
  const rows = await query(db)
    .where(and(inArray(chaperoneChangeReports.authorityId, scope), isNull(chaperoneChangeReports.acknowledgedAt)))
    .orderBy(asc(chaperoneChangeReports.reportedAt))
    .limit(200);
  return rows.map(view);
}

/** One report, for an officer of the approving authority; anyone else (or a malformed id) gets "not found". */
export async function getChangeReport(db: Db, actor: Actor, reportId: string) {
  const scope = authorityScope(actor, "chaperone-application:decide");
  if (!scope.length || !UUID.test(reportId)) throw new NotFoundError("Report");
  const [row] = await query(db).where(and(eq(chaperoneChangeReports.id, reportId), inArray(chaperoneChangeReports.authorityId, scope)));
  if (!row) throw new NotFoundError("Report");
  return view(row);
}

