import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "#db/schema/identity";
import { env } from "~/server/env.server";
import { endSession, readSession, SESSION_COOKIE, startSession } from "~/server/session.server";
import { createUser } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const MINUTE = 60_000;

/** A request carrying the cookie from a Set-Cookie header. */
function withCookie(setCookie: string) {
  return new Request("http://x/", { headers: { Cookie: setCookie.split(";")[0] } });
}

async function start(opts: { staff: boolean }) {
  const user = await createUser(db());
  const started = Date.now();
  const setCookie = await startSession(new Request("http://x/"), user.id, { ...opts, ip: null });
  return { user, started, request: withCookie(setCookie), setCookie };
}

describe("sessions", () => {
  it("uses the configured idle timeouts", () => {
    expect(env().STAFF_IDLE_MINUTES).toBe(30);
    expect(env().PUBLIC_IDLE_MINUTES).toBe(24 * 60);
  });

  it("sets an HttpOnly, SameSite=Lax cookie holding a token whose hash is the session id", async () => {
    const { user, setCookie, request } = await start({ staff: false });
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const session = await readSession(request);
    expect(session?.userId).toBe(user.id);
    // the cookie value is not the stored id
    expect(setCookie).not.toContain(session!.id);
  });

  it("ignores a missing, tampered or unknown cookie", async () => {
    await start({ staff: false });
    expect(await readSession(new Request("http://x/"))).toBeNull();
    expect(await readSession(new Request("http://x/", { headers: { Cookie: `${SESSION_COOKIE}=forged` } }))).toBeNull();
  });

  it("ends a staff session after 30 minutes without activity", async () => {
    const { user, started, request } = await start({ staff: true });
    expect((await readSession(request, new Date(started + 29 * MINUTE)))?.userId).toBe(user.id);
    // idle again for 31 minutes after that request
    expect(await readSession(request, new Date(started + 29 * MINUTE + 31 * MINUTE))).toBeNull();
  });

  it("ends a staff session that is never used again after 30 minutes", async () => {
    const { started, request } = await start({ staff: true });
    expect(await readSession(request, new Date(started + 31 * MINUTE))).toBeNull();
  });

  it("slides a staff session forward while it is in use", async () => {
    const { user, started, request } = await start({ staff: true });
    for (let i = 1; i <= 6; i++) {
      const now = new Date(started + i * 20 * MINUTE);
      const session = await readSession(request, now);
      expect(session?.userId, `after ${i * 20} minutes of activity`).toBe(user.id);
      expect(session!.expiresAt.getTime()).toBe(now.getTime() + 30 * MINUTE);
    }
  });

  it("keeps a public session through 31 idle minutes, ending it after a day", async () => {
    const { user, started, request } = await start({ staff: false });
    expect((await readSession(request, new Date(started + 31 * MINUTE)))?.userId).toBe(user.id);
    expect(await readSession(request, new Date(started + 31 * MINUTE + 24 * 60 * MINUTE + MINUTE))).toBeNull();
  });

  it("starts a new session id at every sign-in, ending the one in the request", async () => {
    const { user, request } = await start({ staff: false });
    const old = await readSession(request);
    const next = withCookie(await startSession(request, user.id, { staff: false, ip: "203.0.113.3" }));
    const fresh = await readSession(next);
    expect(fresh?.id).not.toBe(old?.id);
    expect(fresh?.ip).toBe("203.0.113.3");
    expect(await readSession(request)).toBeNull();
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it("signs out: deletes the session and clears the cookie", async () => {
    const { request } = await start({ staff: false });
    const cleared = await endSession(request);
    expect(cleared).toMatch(/Max-Age=0/);
    expect(await readSession(request)).toBeNull();
    expect(await db().select().from(sessions)).toEqual([]);
  });
});
