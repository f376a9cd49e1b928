import { and, eq } from "drizzle-orm";
import { chaperoneApplications, chaperoneReferees } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { NotFoundError, RuleError } from "../errors";
import { applicationForOfficer, assertOpen } from "./officerScope";
import { assertTransition } from "./states";

export type ReferenceJudgement = "satisfactory" | "unsatisfactory";

/**
 * An officer of the application's authority judges a referee's reference satisfactory or not — only once the
 * referee has responded. Judging again replaces the judgement; the audit keeps both. A submitted application
 * moves to "checks in progress".
 */
export async function judgeReference(db: Db, actor: Actor, applicationId: string, refereeId: string, judgement: ReferenceJudgement, now = new Date()) {
  await applicationForOfficer(db, actor, applicationId);
  if (judgement !== "satisfactory" && judgement !== "unsatisfactory") throw RuleError.field("judgement", "Select whether the reference is satisfactory");

  return db.transaction(async (tx) => {
    const application = await applicationForOfficer(tx, actor, applicationId, { lock: true });
    const [referee] = /^[0-9a-f-]{36}$/i.test(refereeId)
      ? await tx
          .select()
          .from(chaperoneReferees)
          .where(and(eq(chaperoneReferees.id, refereeId), eq(chaperoneReferees.applicationId, application.id)))
      : [];
    if (!referee) throw new NotFoundError("Referee");
    assertOpen(application.status);
    if (!referee.submittedAt || !referee.response) {
      throw RuleError.field("judgement", `${referee.name} has not given a reference yet: you can judge it once they respond`);
    }
    await tx.update(chaperoneReferees).set({ judgement, judgedBy: actor.name, judgedAt: now }).where(eq(chaperoneReferees.id, referee.id));
    let status = application.status;
    if (status === "submitted") {
      status = assertTransition(status, "start-checks");
      await tx.update(chaperoneApplications).set({ status, updatedAt: now }).where(eq(chaperoneApplications.id, application.id));
    }
    await recordAudit(tx, actor, {
      action: "chaperone.reference-judged",
      recordType: "chaperone-application",
      recordId: application.id,
      before: { referee: referee.name, judgement: referee.judgement, status: application.status },
      after: { referee: referee.name, refereeId: referee.id, judgement, status, summary: `${referee.name} – ${judgement}` },
    });
    return { status };
  });
}
