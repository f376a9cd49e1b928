import { eq } from "drizzle-orm";
import { type ChaperoneApplicationStatus, chaperoneApplications, chaperoneReferees } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { LinkExpiredError, RuleError } from "../errors";
import { hashToken } from "../identity/tokens";

/** A reference can be given while the council is still considering the application. */
export const REFERENCE_OPEN_STATUSES: ChaperoneApplicationStatus[] = ["submitted", "checks-in-progress", "information-requested"];

export type ReferenceInput = {
  yearsKnown: string;
  capacity: string;
  hasConcerns: boolean;
  concerns?: string | null;
  suitable: boolean;
  comments?: string | null;
};

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const clean = (s: string | null | undefined) => (s ?? "").trim();

/**
 * A referee answers through their emailed link (no account). The link must be live: not past its expiry,
 * not used, and the application still open. The answers are stored on the referee's row for the officer to
 * judge, with an audit row on the application, and the link is used up.
 */
export async function submitReference(db: Db, actor: Actor, token: string, input: ReferenceInput, { now = new Date() }: { now?: Date } = {}) {
  const response = {
    yearsKnown: clean(input.yearsKnown),
    capacity: clean(input.capacity),
    hasConcerns: input.hasConcerns,
    concerns: input.hasConcerns ? clean(input.concerns) : "",
    suitable: input.suitable,
    comments: clean(input.comments),
  };
  const errors: Record<string, string[]> = {};
  if (!response.yearsKnown) errors.yearsKnown = ["Enter how long you have known them"];
  if (!response.capacity) errors.capacity = ["Enter how you know them"];
  if (response.hasConcerns && !response.concerns) errors.concerns = ["Give details of your concerns"];
  if (!TOKEN.test(token)) throw new LinkExpiredError("expired");

  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ referee: chaperoneReferees, status: chaperoneApplications.status })
      .from(chaperoneReferees)
      .innerJoin(chaperoneApplications, eq(chaperoneApplications.id, chaperoneReferees.applicationId))
      .where(eq(chaperoneReferees.tokenHash, hashToken(token)))
      .for("update", { of: chaperoneReferees });
    if (!row) throw new LinkExpiredError("expired");
    if (row.referee.submittedAt) throw new LinkExpiredError("used");
    if (!row.referee.tokenExpiresAt || row.referee.tokenExpiresAt <= now || !REFERENCE_OPEN_STATUSES.includes(row.status)) {
      throw new LinkExpiredError("expired");
    }
    if (Object.keys(errors).length) throw new RuleError(errors);

    await tx.update(chaperoneReferees).set({ response, submittedAt: now }).where(eq(chaperoneReferees.id, row.referee.id));
    const referee: Actor = { userId: null, name: `Referee ${row.referee.name}`, ip: actor.ip, memberships: [] };
    await recordAudit(tx, referee, {
      action: "chaperone-reference.submitted",
      recordType: "chaperone-application",
      recordId: row.referee.applicationId,
      after: { refereeId: row.referee.id, position: row.referee.position, suitable: response.suitable, hasConcerns: response.hasConcerns },
    });
    return { applicationId: row.referee.applicationId, refereeId: row.referee.id, outboxIds: [] as string[] };
  });
}
