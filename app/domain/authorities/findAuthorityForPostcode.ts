import { asc, sql } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";

/** The postcode district: "NM1 2AB" → "NM1", "nm12ab" → "NM1". */
function postcodeDistrict(postcode: string) {
  const compact = postcode.replace(/\s+/g, "").toUpperCase();
  return compact.length > 3 ? compact.slice(0, -3) : compact;
}

/** The authority whose postcode districts include this postcode's, or null (the person then picks their council). */
export async function findAuthorityForPostcode(db: Db, postcode: string) {
  const district = postcodeDistrict(postcode);
  const [row] = await db
    .select({ id: authorities.id, name: authorities.name, code: authorities.code })
    .from(authorities)
    .where(sql`${district} = any(${authorities.postcodeDistricts})`)
    .limit(1);
  return row ?? null;
}

export async function listAuthorities(db: Db) {
  return db.select({ id: authorities.id, name: authorities.name }).from(authorities).orderBy(asc(authorities.name));
}
