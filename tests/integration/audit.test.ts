import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "#db/schema/audit";
import { systemActor } from "~/domain/actor";
import { listRecordHistory } from "~/domain/audit/listRecordHistory";
import { recordAudit } from "~/domain/audit/recordAudit";
import { actorFor, auditFor, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();

describe("audit events", () => {
  it("records who did what to which record", async () => {
    const user = await createUser(db(), { name: "Ada Admin" });
    await recordAudit(db(), actorFor(user, [], "198.51.100.4"), {
      action: "thing.changed",
      recordType: "thing",
      recordId: "t-1",
      before: { a: 1 },
      after: { a: 2 },
    });
    expect(await auditFor(db(), "thing", "t-1")).toEqual([
      expect.objectContaining({
        actorUserId: user.id,
        actorLabel: "Ada Admin",
        action: "thing.changed",
        before: { a: 1 },
        after: { a: 2 },
        ip: "198.51.100.4",
        at: expect.any(Date),
      }),
    ]);
  });

  it("cannot be updated", async () => {
    await recordAudit(db(), systemActor, { action: "thing.created", recordType: "thing", recordId: "t-1" });
    await expect(db().update(auditEvents).set({ action: "thing.forged" }).where(eq(auditEvents.recordId, "t-1"))).rejects.toThrow();
    await expect(db().execute(sql`update audit_events set actor_label = 'someone else'`)).rejects.toThrow();
    expect((await auditFor(db(), "thing", "t-1"))[0]).toMatchObject({ action: "thing.created", actorLabel: "system" });
  });

  it("cannot be deleted", async () => {
    await recordAudit(db(), systemActor, { action: "thing.created", recordType: "thing", recordId: "t-1" });
    await expect(db().delete(auditEvents).where(eq(auditEvents.recordId, "t-1"))).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_events`)).rejects.toThrow();
    expect(await auditFor(db(), "thing", "t-1")).toHaveLength(1);
  });

  it("is rolled back with the transaction that wrote it", async () => {
    await expect(
      db().transaction(async (tx) => {
        await recordAudit(tx, systemActor, { action: "thing.created", recordType: "thing", recordId: "t-2" });
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await auditFor(db(), "thing", "t-2")).toEqual([]);
  });

  it("lists a record's history newest first", async () => {
    for (const action of ["thing.created", "thing.changed", "thing.closed"]) {
      await recordAudit(db(), systemActor, { action, recordType: "thing", recordId: "t-3" });
    }
    await recordAudit(db(), systemActor, { action: "other.created", recordType: "other", recordId: "t-3" });
    const history = await listRecordHistory(db(), "thing", "t-3");
    expect(history.map((h) => h.action)).toEqual(["thing.closed", "thing.changed", "thing.created"]);
  });
});
