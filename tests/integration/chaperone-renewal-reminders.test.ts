import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/chaperones/rules";
import { sendRenewalReminders } from "~/domain/chaperones/sendRenewalReminders";
import { issueDocument } from "~/domain/documents/issueDocument";
import { changeDocumentStatus } from "~/domain/documents/changeDocumentStatus";
import { actorFor, auditFor, createAuthority, createUser, outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const END = "2027-06-30";

async function licence(email = "charlie@example.com") {
  const authority = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const officer = actorFor(await createUser(db(), { name: "Olive Officer" }), [{ role: "officer", authorityId: authority.id }]);
  const doc = await issueDocument(
    db(),
    officer,
    {
      kind: "chaperone-licence",
      authorityId: authority.id,
      holder: { name: "Charlie Chaperone" },
      holderEmail: email,
      validFrom: "2024-07-01",
      validTo: END,
      details: [],
      conditions: [],
    },
    BASE,
  );
  return { officer, doc };
}

const daysSent = async (email: string) => (await outboxFor(db(), email)).map((m) => (m.props as { daysLeft: number }).daysLeft);

describe("sendRenewalReminders (daily job, fixed clock)", () => {
  it("sends the 90, 30 and 7 day reminders, each exactly once", async () => {
    await licence();
    for (const daysBefore of [100, 91]) await sendRenewalReminders(db(), BASE, addDays(END, -daysBefore));
    expect(await daysSent("charlie@example.com")).toEqual([]);
    for (let d = 90; d >= 0; d--) {
      await sendRenewalReminders(db(), BASE, addDays(END, -d));
      await sendRenewalReminders(db(), BASE, addDays(END, -d)); // the job running twice in a day
    }
    expect(await daysSent("charlie@example.com")).toEqual([90, 30, 7]);
    const [mail] = await outboxFor(db(), "charlie@example.com");
    expect(mail.template).toBe("chaperone-renewal-reminder");
    expect((mail.props as { url: string }).url).toBe(`${BASE}/chaperone`);
    await sendRenewalReminders(db(), BASE, addDays(END, 1));
    expect(await daysSent("charlie@example.com")).toEqual([90, 30, 7]);
    expect((await auditFor(db(), "document")).filter((e) => e.action === "chaperone.renewal-reminder-sent")).toHaveLength(3);
  });

  it("after missed days sends only the nearest reminder due", async () => {
    await licence();
    await sendRenewalReminders(db(), BASE, addDays(END, -20));
    expect(await daysSent("charlie@example.com")).toEqual([30]);
    await sendRenewalReminders(db(), BASE, addDays(END, -6));
    expect(await daysSent("charlie@example.com")).toEqual([30, 7]);
  });

  it("sends nothing for a suspended approval, or when run concurrently sends once", async () => {
    const { officer, doc } = await licence();
    await Promise.all([0, 1, 2].map(() => sendRenewalReminders(db(), BASE, addDays(END, -90))));
    expect(await daysSent("charlie@example.com")).toEqual([90]);
    await changeDocumentStatus(db(), officer, doc.reference, "suspend", "Concern", BASE);
    await sendRenewalReminders(db(), BASE, addDays(END, -30));
    expect((await daysSent("charlie@example.com")).filter((d) => d === 30)).toEqual([]);
  });
});
