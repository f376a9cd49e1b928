import { createCookie } from "@remix-run/node";
import { and, eq, gt } from "drizzle-orm";
import { sessions } from "#db/schema/identity";
import { hashToken, newToken } from "~/domain/identity/tokens";
import { db } from "./db.server";
import { env, servedOverHttps } from "./env.server";
import { sessionSecret } from "./secrets.server";

export const SESSION_COOKIE = "clp_session";

function sessionCookie() {
  return createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: servedOverHttps(),
    path: "/",
    secrets: [sessionSecret()],
  });
}

export type SessionRow = typeof sessions.$inferSelect;

/** The live session behind the request's cookie, sliding its idle timeout forward. */
export async function readSession(request: Request, now = new Date()): Promise<SessionRow | null> {
  const token = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || !token) return null;
  const [row] = await db()
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row) return null;
  // Touch at most once a minute to keep writes down.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    const expiresAt = new Date(now.getTime() + row.idleMinutes * 60_000);
    await db().update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, row.id));
    return { ...row, lastSeenAt: now, expiresAt };
  }
  return row;
}

/** Starts a fresh session (a new id at every sign-in) and returns its Set-Cookie header. */
export async function startSession(request: Request, userId: string, opts: { staff: boolean; ip: string | null }) {
  await endSession(request);
  const { token, hash } = newToken();
  const idleMinutes = opts.staff ? env().STAFF_IDLE_MINUTES : env().PUBLIC_IDLE_MINUTES;
  await db()
    .insert(sessions)
    .values({ id: hash, userId, idleMinutes, ip: opts.ip, expiresAt: new Date(Date.now() + idleMinutes * 60_000) });
  return sessionCookie().serialize(token);
}

/** Deletes the request's session, if any, and returns a Set-Cookie header that clears the cookie. */
export async function endSession(request: Request) {
  const token = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof token === "string" && token) {
    await db().delete(sessions).where(eq(sessions.id, hashToken(token)));
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}

export function hasSessionCookie(request: Request) {
  return (request.headers.get("Cookie") ?? "").split(";").some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`) && c.trim().length > SESSION_COOKIE.length + 1);
}
