import { and, eq } from "drizzle-orm";
import { termDates } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isUuid } from "../children/access";
import { ForbiddenError, NotFoundError } from "../errors";
import { can } from "../identity/capabilities";

/** An authority admin removes one of its terms. Days already in applications keep the school days counted when they were saved. */
export async function removeTermDate(db: Db, actor: Actor, authorityId: string, termId: string) {
  if (!can(actor, "admin:use", { authorityId })) throw new ForbiddenError();
  if (!isUuid(termId)) throw new NotFoundError("Term");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(termDates)
      .where(and(eq(termDates.id, termId), eq(termDates.authorityId, authorityId)))
      .returning();
    if (!row) throw new NotFoundError("Term");
    await recordAudit(tx, actor, {
      action: "authority.term-removed",
      recordType: "authority",
      recordId: authorityId,
      before: { termId: row.id, name: row.name, startDate: row.startDate, endDate: row.endDate },
    });
    return row;
  });
}
