import { eq } from "drizzle-orm";
import { schools } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";

export type AddSchoolInput = { authorityId: string; name: string; urn?: string; postcode?: string; email?: string };

/** An authority admin adds a school to the authority's list. */
export async function addSchool(db: Db, actor: Actor, input: AddSchoolInput) {
  if (!can(actor, "admin:use", { authorityId: input.authorityId })) throw new ForbiddenError();
  if (input.urn) {
    const [clash] = await db.select({ id: schools.id }).from(schools).where(eq(schools.urn, input.urn));
    if (clash) throw RuleError.field("urn", "A school with this URN is already on the list");
  }
  return db.transaction(async (tx) => {
    const [school] = await tx
      .insert(schools)
      .values({ authorityId: input.authorityId, name: input.name, urn: input.urn || null, postcode: input.postcode?.toUpperCase() || null, email: input.email?.toLowerCase() || null })
      .returning();
    await recordAudit(tx, actor, { action: "school.added", recordType: "school", recordId: school.id, after: school });
    return school;
  });
}
