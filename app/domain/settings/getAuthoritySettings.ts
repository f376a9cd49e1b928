import { eq } from "drizzle-orm";
import { authoritySettings } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import { CHAPERONE_RULES } from "../chaperones/rules";

/** An authority's local settings, with the service defaults where it has not changed them. */
export async function getAuthoritySettings(db: Db, authorityId: string) {
  const [row] = await db.select().from(authoritySettings).where(eq(authoritySettings.authorityId, authorityId));
  return { chaperoneLicenceYears: row?.chaperoneLicenceYears ?? CHAPERONE_RULES["CHAPLIC-VALIDITY"].defaultYears };
}
