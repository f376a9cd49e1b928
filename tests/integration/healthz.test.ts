import { describe, expect, it } from "vitest";
import { loader } from "~/routes/healthz";
import { connection, openPglite, setConnection } from "~/server/db.server";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
useTestDatabase();

describe("GET /healthz", () => {
  it("answers 200 with db ok while the database answers", async () => {
    const res = await loader();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    const real = connection();
    const closed = await openPglite();
    await closed.close();
    setConnection(closed);
    try {
      const res = await loader();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ db: "unreachable" });
    } finally {
      setConnection(real);
    }
  });
});
