import type { Db } from "~/server/db.server";
import { listAuthorities } from "../authorities/findAuthorityForPostcode";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";

/** Every council a producer can apply to, with the longest period each approves (its BOPA-PERIOD setting). */
export async function listHostCouncils(db: Db) {
  const councils = await listAuthorities(db);
  return Promise.all(councils.map(async (c) => ({ ...c, maxMonths: (await getAuthoritySettings(db, c.id)).bopaMaxMonths })));
}
