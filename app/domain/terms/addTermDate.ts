import { termDates } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { formatDay, isIsoDate } from "../calendar/dates";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { termsOf } from "./listTermDates";
import { overlappingTerm } from "./schoolDays";

export type TermInput = { name: string; startDate: string; endDate: string };

export const TERM_NAME_MAX = 100;

/** An authority admin adds a term (or half-term) of its schools; terms may not overlap. Audited on the authority. */
export async function addTermDate(db: Db, actor: Actor, authorityId: string, input: TermInput) {
  if (!can(actor, "admin:use", { authorityId })) throw new ForbiddenError();
  const name = input.name.trim();
  const errors: Record<string, string[]> = {};
  if (!name) errors.name = ["Enter the name of the term"];
  else if (name.length > TERM_NAME_MAX) errors.name = [`The name must be ${TERM_NAME_MAX} characters or fewer`];
  if (!isIsoDate(input.startDate)) errors.startDay = ["Enter the first day of the term"];
  if (!isIsoDate(input.endDate)) errors.endDay = ["Enter the last day of the term"];
  else if (isIsoDate(input.startDate) && input.endDate < input.startDate) errors.endDay = ["The last day must be the same as or after the first day"];
  if (Object.keys(errors).length) throw new RuleError(errors);

  return db.transaction(async (tx) => {
    const clash = overlappingTerm(input.startDate, input.endDate, await termsOf(tx, authorityId));
    if (clash) {
      throw RuleError.field("startDay", `The term overlaps ${clash.name} (${formatDay(clash.startDate)} to ${formatDay(clash.endDate)})`);
    }
    const [row] = await tx.insert(termDates).values({ authorityId, name, startDate: input.startDate, endDate: input.endDate }).returning();
    await recordAudit(tx, actor, {
      action: "authority.term-added",
      recordType: "authority",
      recordId: authorityId,
      after: { termId: row.id, name, startDate: row.startDate, endDate: row.endDate },
    });
    return row;
  });
}
