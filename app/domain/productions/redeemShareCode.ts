import { and, eq, isNull } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { childShares, children } from "#db/schema/children";
import { rateLimits } from "#db/schema/documents";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { CHILD_RULES, isShareCodeShape, normaliseShareCode, SHARE_CODE_MESSAGES } from "../children/rules";
import { hashShareCode } from "../children/shareCodes";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { hitRateLimit } from "../security/hitRateLimit";
import { loadOwnProduction } from "./access";

type Problem = "not-found" | "expired" | "cancelled" | "used";

const { limit, windowSeconds } = CHILD_RULES.shareCodeAttempts;
const attemptsKey = (userId: string) => `share-code:${userId}`;

/**
 * A producer enters a parent's share code for one of their productions: the child joins its cast, the code is
 * used up (it works for one production only, even within the same organisation) and the parent is emailed.
 * The messages never say whose code it is. Wrong codes count towards a limit per person, checked before each try.
 */
export async function redeemShareCode(db: Db, actor: Actor, productionId: string, code: string, baseUrl: string, now = new Date()) {
  const production = await loadOwnProduction(db, actor, productionId);
  const normalised = normaliseShareCode(code ?? "");
  if (!normalised) throw RuleError.field("code", SHARE_CODE_MESSAGES.empty);
  if (!isShareCodeShape(normalised)) throw RuleError.field("code", SHARE_CODE_MESSAGES.format);
  if (await tooManyFailures(db, actor.userId!, now)) throw RuleError.field("code", SHARE_CODE_MESSAGES["too-many"]);

  const result = await db.transaction(async (tx) => {
    const [share] = await tx.select().from(childShares).where(eq(childShares.codeHash, hashShareCode(normalised))).for("update");
    if (!share) return { outcome: "refused" as const, problem: "not-found" as Problem };
    const problem: Problem | null = share.productionId ? "used" : share.revokedAt ? "cancelled" : share.expiresAt <= now ? "expired" : null;
    if (problem) return { outcome: "refused" as const, problem };
    const [inCast] = await tx
      .select({ id: childShares.id })
      .from(childShares)
      .where(and(eq(childShares.childId, share.childId), eq(childShares.productionId, production.id), isNull(childShares.revokedAt)));
    if (inCast) return { outcome: "in-cast" as const };

    await tx.update(childShares).set({ productionId: production.id, usedAt: now, usedByUserId: actor.userId }).where(eq(childShares.id, share.id));
    await recordAudit(tx, actor, {
      action: "child.share-code-used",
      recordType: "child",
      recordId: share.childId,
      after: { shareId: share.id, productionId: production.id, codeHint: share.codeHint },
    });
    const [parent] = await tx
      .select({ email: users.email, name: users.name, childId: children.id, childFirstName: children.firstName })
      .from(children)
      .innerJoin(users, eq(users.id, children.parentUserId))
      .where(eq(children.id, share.childId));
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, production.organisationId));
    const outboxId = await queueEmail(tx, parent.email, "child-shared", {
      name: parent.name,
      childFirstName: parent.childFirstName,
      organisationName: organisation.name,
      productionTitle: production.title,
      url: `${baseUrl}/children/${parent.childId}`,
    });
    return { outcome: "added" as const, childId: share.childId, childFirstName: parent.childFirstName, outboxIds: [outboxId] };
  });

  if (result.outcome === "in-cast") throw RuleError.field("code", `This child is already in ${production.title}`);
  if (result.outcome === "refused") {
    await hitRateLimit(db, attemptsKey(actor.userId!), limit, windowSeconds, now);
    throw RuleError.field("code", SHARE_CODE_MESSAGES[result.problem]);
  }
  return result;
}

/** Whether the person has already used up their wrong attempts in this window (the same windows as hitRateLimit). */
async function tooManyFailures(db: Db, userId: string, now: Date) {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, attemptsKey(userId)), eq(rateLimits.windowStart, windowStart)));
  return (row?.count ?? 0) >= limit;
}
