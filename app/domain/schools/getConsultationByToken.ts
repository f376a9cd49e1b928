import { eq } from "drizzle-orm";
import { schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { hashToken } from "../identity/tokens";
import { type ConsultationPage, type ConsultationRow, consultationPage } from "./consultationView";

/** A plausible emailed token (base64url); anything else is not looked up. */
const CONSULTATION_TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

/** The consultation behind an emailed link, or null when the token matches none. */
export async function consultationForToken(db: Db, token: string, options: { lock?: boolean } = {}): Promise<ConsultationRow | null> {
  if (!CONSULTATION_TOKEN.test(token)) return null;
  const query = db.select().from(schoolConsultations).where(eq(schoolConsultations.tokenHash, hashToken(token)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * The school's emailed link, without signing in (SCHOOL-*): a made-up, replaced or expired token shows
 * "expired"; an answered one says when and by whom, and nothing more.
 */
export async function getConsultationByToken(db: Db, token: string, now = new Date()): Promise<ConsultationPage> {
  const consultation = await consultationForToken(db, token);
  if (!consultation) return { state: "expired" };
  if (!consultation.respondedAt && consultation.expiresAt <= now) return { state: "expired" };
  return consultationPage(db, consultation, now, false);
}
