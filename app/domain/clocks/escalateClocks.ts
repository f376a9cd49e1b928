import { and, eq, inArray } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { memberships, users } from "#db/schema/identity";
import { escalations } from "#db/schema/reminders";
import { concerns } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import { systemActor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { queueEmail } from "../notifications/queueEmail";
import { referralClock } from "../safeguarding/rules";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { listClocks } from "./listClocks";
import { CLOCK_RULES } from "./rules";

type Escalation = { kind: string; id: string; authorityId: string; what: string; reference: string; dueOn: string; breached: boolean };

/**
 * The daily escalation (09:00): every clock item that will breach within 2 working days, or has breached, is
 * emailed once per stage to its council's officers and the council's escalation address (an admin setting);
 * new concerns nearing or past the LADO's 1-working-day clock go to the council's LADOs only, by reference.
 */
export async function escalateClocks(db: Db, baseUrl: string, { now = new Date() }: { now?: Date } = {}) {
  const councils = await db.select({ id: authorities.id, name: authorities.name }).from(authorities);
  const ids = councils.map((c) => c.id);
  const today = londonDate(now);
  const officerItems: Escalation[] = (await listClocks(db, ids, { now }))
    .filter((i) => i.stage !== "running")
    .map((i) => ({ kind: i.kind, id: i.id, authorityId: i.authorityId, what: CLOCK_RULES[i.kind].title, reference: i.reference, dueOn: i.dueOn, breached: i.stage === "breached" }));
  const waiting = ids.length ? await db.select().from(concerns).where(and(inArray(concerns.authorityId, ids), eq(concerns.status, "new"))) : [];
  const closures = new Map(await Promise.all(ids.map(async (id) => [id, (await getAuthoritySettings(db, id)).closureDays] as const)));
  const ladoItems: Escalation[] = [];
  for (const c of waiting) {
    const clock = referralClock(c.receivedOn, today, null, closures.get(c.authorityId) ?? []);
    if (clock.state === "due") continue;
    ladoItems.push({ kind: "lado-concern", id: c.id, authorityId: c.authorityId, what: "Concern waiting for a LADO decision", reference: c.reference, dueOn: clock.dueOn, breached: clock.state === "overdue" });
  }

  const outboxIds: string[] = [];
  await db.transaction(async (tx) => {
    for (const council of councils) {
      const settings = await getAuthoritySettings(tx, council.id);
      for (const [items, role, path] of [
        [officerItems, "officer", "/officer"],
        [ladoItems, "lado", "/lado"],
      ] as const) {
        const fresh: Escalation[] = [];
        for (const item of items.filter((i) => i.authorityId === council.id)) {
          const stage = item.breached ? "breached" : "due-soon";
          const [row] = await tx
            .insert(escalations)
            .values({ itemKind: item.kind, itemId: item.id, stage, authorityId: council.id, sentAt: now })
            .onConflictDoNothing()
            .returning({ itemId: escalations.itemId });
          if (row) fresh.push(item);
        }
        if (!fresh.length) continue;
        await recordAudit(tx, systemActor, {
          action: "clocks.escalated",
          recordType: "authority",
          recordId: council.id,
          after: { to: role, items: fresh.map((f) => ({ kind: f.kind, reference: f.reference, stage: f.breached ? "breached" : "due-soon" })) },
        });
        const people = await tx
          .selectDistinct({ email: users.email, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.authorityId, council.id), eq(memberships.role, role)));
        // the manager's address gets the officers' list; LADO matters stay with the LADO
        if (role === "officer" && settings.escalationEmail) people.push({ email: settings.escalationEmail, name: `${council.name} licensing manager` });
        const props = { authorityName: council.name, items: fresh.map(({ what, reference, dueOn, breached }) => ({ what, reference, dueOn, breached })), url: `${baseUrl}${path}` };
        for (const person of people) outboxIds.push(await queueEmail(tx, person.email, "clock-escalation", { ...props, name: person.name }));
      }
    }
  });
  return { outboxIds };
}
