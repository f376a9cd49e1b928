import { authoritySettings } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { CHAPERONE_YEARS_CHOICES } from "./choices";
import { getAuthoritySettings } from "./getAuthoritySettings";

/** An authority admin changes the authority's local settings (audited). */
export async function updateAuthoritySettings(db: Db, actor: Actor, authorityId: string, input: { chaperoneLicenceYears: number }) {
  if (!can(actor, "admin:use", { authorityId })) throw new ForbiddenError();
  if (!(CHAPERONE_YEARS_CHOICES as readonly number[]).includes(input.chaperoneLicenceYears)) {
    throw RuleError.field("chaperoneLicenceYears", "Select how long chaperone approvals last");
  }
  const before = await getAuthoritySettings(db, authorityId);
  await db.transaction(async (tx) => {
    await tx
      .insert(authoritySettings)
      .values({ authorityId, chaperoneLicenceYears: input.chaperoneLicenceYears })
      .onConflictDoUpdate({ target: authoritySettings.authorityId, set: { chaperoneLicenceYears: input.chaperoneLicenceYears, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: "authority.settings-changed", recordType: "authority", recordId: authorityId, before, after: input });
  });
}
