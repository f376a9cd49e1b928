import { and, eq } from "drizzle-orm";
import { schools } from "#db/schema/authorities";
import { memberships, users } from "#db/schema/identity";
import { OBJECTION_GROUNDS, type PerformanceApplicationStatus, performanceApplications, SCHOOL_RESPONSES, schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { LinkExpiredError, RuleError } from "../errors";
import { assertLicenceTransition } from "../licences/states";
import { queueEmail } from "../notifications/queueEmail";
import { ANSWER_MESSAGES } from "./answerWords";
import type { ConsultationRow } from "./consultationView";
import { consultationForToken } from "./getConsultationByToken";
import { consultationForSchool } from "./getSchoolConsultation";
import { consultationSubject } from "./subject";

export type ConsultationAnswerInput = { response?: string | null; grounds?: string[] | null; reasons?: string | null; name?: string | null };
/** The emailed link's token, or a consultation of the signed-in school user's school. */
export type ConsultationKey = { token: string } | { consultationId: string };

const CONSULTATION_REASONS_MAX = 5000;
const CONSULTATION_NAME_MAX = 200;

export const OBJECTION_GROUND_LABELS: Record<(typeof OBJECTION_GROUNDS)[number], string> = {
  education: "Education",
  health: "Health",
  welfare: "Welfare",
};

type Grounds = (typeof OBJECTION_GROUNDS)[number];

function parseAnswer(input: ConsultationAnswerInput, kind: keyof typeof ANSWER_MESSAGES) {
  const messages = ANSWER_MESSAGES[kind];
  const response = SCHOOL_RESPONSES.find((r) => r === input.response);
  const grounds = OBJECTION_GROUNDS.filter((g) => input.grounds?.includes(g));
  const reasons = (input.reasons ?? "").trim();
  const name = (input.name ?? "").trim();
  const errors: Record<string, string[]> = {};
  if (!response) errors.response = [messages.response];
  if (response === "object") {
    if (!grounds.length) errors.grounds = [messages.grounds];
    if (!reasons) errors.reasons = [messages.reasons];
    else if (reasons.length > CONSULTATION_REASONS_MAX) errors.reasons = [`Your reasons must be ${CONSULTATION_REASONS_MAX} characters or fewer`];
  }
  if (!name) errors.name = ["Enter the name of the head teacher or the person they have authorised"];
  else if (name.length > CONSULTATION_NAME_MAX) errors.name = [`The name must be ${CONSULTATION_NAME_MAX} characters or fewer`];
  if (Object.keys(errors).length) throw new RuleError(errors);
  const objecting = response === "object";
  return { response: response!, grounds: objecting ? (grounds as Grounds[]) : null, reasons: objecting ? reasons : null, name };
}

async function findConsultation(db: Db, actor: Actor, key: ConsultationKey, now: Date, lock: boolean): Promise<ConsultationRow> {
  if ("consultationId" in key) return consultationForSchool(db, actor, key.consultationId, { lock });
  const row = await consultationForToken(db, key.token, { lock });
  if (!row) throw new LinkExpiredError("expired");
  if (!row.respondedAt && row.expiresAt <= now) throw new LinkExpiredError("expired");
  return row;
}

/**
 * The head teacher (or someone they authorise) consents to the absence or objects on education, health or
 * welfare grounds with reasons (SCHOOL-*), by the emailed link or the school's account. Answered once:
 * a second answer is refused ("used"). The application moves from "awaiting-school" to "under-review"; an
 * objection is emailed to the deciding authority's officers, who must answer it in their decision.
 */
export async function answerConsultation(db: Db, actor: Actor, key: ConsultationKey, input: ConsultationAnswerInput, baseUrl: string, now = new Date()) {
  const found = await findConsultation(db, actor, key, now, false);
  if (found.respondedAt) throw new LinkExpiredError("used");
  const answer = parseAnswer(input, found.permitId ? "permit" : "performance");

  return db.transaction(async (tx) => {
    const consultation = await findConsultation(tx, actor, key, now, true);
    if (consultation.respondedAt) throw new LinkExpiredError("used");
    const subject = await consultationSubject(tx, consultation, { lock: true });
    if (!subject.open) throw new LinkExpiredError("expired");
    // Only a performance application waits for the school; a permit's officer may decide at any time.
    const from = subject.status as PerformanceApplicationStatus;
    const status = subject.kind === "performance" && from === "awaiting-school" ? assertLicenceTransition(from, "school-answered") : subject.status;

    await tx
      .update(schoolConsultations)
      .set({ response: answer.response, grounds: answer.grounds, reasons: answer.reasons, respondedByName: answer.name, respondedAt: now })
      .where(eq(schoolConsultations.id, consultation.id));
    if (status !== subject.status) {
      await tx
        .update(performanceApplications)
        .set({ status: status as PerformanceApplicationStatus, updatedAt: now })
        .where(eq(performanceApplications.id, subject.recordId));
    }

    const [school] = consultation.schoolId ? await tx.select({ name: schools.name }).from(schools).where(eq(schools.id, consultation.schoolId)) : [];
    const schoolName = school?.name ?? subject.typedSchoolName ?? "The school";
    // Someone using the emailed link has no account: the audit names them and their school.
    const who: Actor = "token" in key ? { userId: null, name: `${answer.name} (${schoolName})`, ip: actor.ip, memberships: [] } : actor;
    await recordAudit(tx, who, {
      action: "school-consultation.answered",
      recordType: subject.recordType,
      recordId: subject.recordId,
      before: { status: subject.status },
      after: { status, consultationId: consultation.id, response: answer.response, grounds: answer.grounds, respondedByName: answer.name },
    });

    const outboxIds: string[] = [];
    if (answer.response === "object") {
      const officers = await tx
        .selectDistinct({ email: users.email, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.role, "officer"), eq(memberships.authorityId, subject.authorityId)));
      for (const officer of officers) {
        outboxIds.push(
          await queueEmail(tx, officer.email, "school-objected", {
            name: officer.name,
            about: subject.kind,
            reference: subject.reference,
            childName: subject.childName,
            schoolName,
            grounds: answer.grounds!.map((g) => OBJECTION_GROUND_LABELS[g]),
            respondedByName: answer.name,
            url: `${baseUrl}${subject.officerPath}`,
          }),
        );
      }
    }
    return { recordId: subject.recordId, status, outboxIds };
  });
}
