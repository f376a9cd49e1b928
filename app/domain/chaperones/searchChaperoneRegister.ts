import { and, asc, desc, eq, ilike, ne, type SQL, sql } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { REFERENCE_PATTERN } from "../documents/kinds";
import { londonDate } from "../calendar/dates";
import { publicStatus, STATUS_LABELS } from "../documents/states";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { coversPeriod } from "./checks";

export type RegisterQuery = {
  /** A name (every word must appear) or a chaperone licence reference. */
  query: string;
  /** YYYY-MM-DD; the chaperone must be approved throughout `from`–`to` (both default to today, `to` to `from`). */
  from?: string | null;
  to?: string | null;
};

const MAX_RESULTS = 50;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The national chaperone register for officers of any authority: approved chaperones found by name or
 * licence reference, each with the issuing authority, dates, register status and whether the approval
 * covers the whole of the requested dates. Nothing else about the chaperone (no address, no date of birth).
 */
export async function searchChaperoneRegister(db: Db, actor: Actor, input: RegisterQuery, today = londonDate()) {
  if (!can(actor, "chaperone-register:search")) throw new ForbiddenError();
  const query = input.query.trim().replace(/\s+/g, " ");
  if (query.length < 2) throw RuleError.field("q", "Enter at least 2 characters of a name, or a licence reference");
  const from = input.from || today;
  const to = input.to || from;
  if (input.to && !input.from) throw RuleError.field("fromDay", "Enter the first date as well as the last");
  if (to < from) throw RuleError.field("toDay", "The last date must be the same as or after the first date");

  const reference = query.toUpperCase();
  const byReference = REFERENCE_PATTERN.test(reference);
  let where: SQL | undefined;
  if (byReference) {
    where = and(eq(issuedDocuments.kind, "chaperone-licence"), eq(issuedDocuments.reference, reference));
  } else {
    // Replaced licences are left out of a name search: their replacement is the one that counts.
    where = and(
      eq(issuedDocuments.kind, "chaperone-licence"),
      ne(issuedDocuments.status, "superseded"),
      ...query.split(" ").map((word) => ilike(issuedDocuments.holderName, `%${escapeLike(word)}%`)),
    );
  }
  const rows = await db
    .select({
      reference: issuedDocuments.reference,
      name: issuedDocuments.holderName,
      authorityName: authorities.name,
      validFrom: issuedDocuments.validFrom,
      validTo: issuedDocuments.validTo,
      status: issuedDocuments.status,
      details: sql<{ label: string; value: string }[] | null>`${issuedDocuments.content}->'details'`,
    })
    .from(issuedDocuments)
    .innerJoin(authorities, eq(authorities.id, issuedDocuments.authorityId))
    .where(where)
    .orderBy(asc(issuedDocuments.holderName), desc(issuedDocuments.validTo))
    .limit(MAX_RESULTS + 1);

  return {
    query,
    from,
    to,
    truncated: rows.length > MAX_RESULTS,
    results: rows.slice(0, MAX_RESULTS).map((row) => {
      const status = publicStatus(row, today);
      return {
        reference: row.reference,
        name: row.name,
        authorityName: row.authorityName,
        validFrom: row.validFrom,
        validTo: row.validTo,
        status,
        statusLabel: STATUS_LABELS[status],
        restrictions: row.details?.find((d) => d.label === "Restrictions")?.value ?? "None",
        validThroughout: coversPeriod(row, from, to),
      };
    }),
  };
}
