import { afterEach, describe, expect, it, vi } from "vitest";
import { hitRateLimit } from "~/domain/security/hitRateLimit";
import { action as verifyUpload } from "~/routes/verify._index";
import { loader as verifyJson } from "~/routes/verify.$reference[.json]";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const TOKEN = "t".repeat(43);
const context = (ip = "198.51.100.7") => ({ csrfToken: TOKEN, cspNonce: "n", ip, baseUrl: "http://localhost" });

function upload(file: Blob, name = "licence.pdf") {
  const form = new FormData();
  form.set("csrf", TOKEN);
  form.set("document", new File([file], name));
  return new Request("http://localhost/verify?index", { method: "POST", body: form });
}

async function run(promise: Promise<Response>) {
  try {
    return await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("PDF upload on /verify", () => {
  it("refuses a file over 5 MB with a clear message", async () => {
    const res = await run(verifyUpload({ request: upload(new Blob([Buffer.alloc(5 * 1024 * 1024 + 10, 0x25)])), context: context(), params: {} }) as Promise<Response>);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "The selected file must be smaller than 5 MB" });
  });

  it("refuses a file that is not a PDF", async () => {
    const res = await run(verifyUpload({ request: upload(new Blob([Buffer.from("\x89PNG\r\n")]), "photo.png"), context: context(), params: {} }) as Promise<Response>);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "The selected file must be a PDF" });
  });

  it("asks for a file when none is chosen", async () => {
    const res = await run(verifyUpload({ request: upload(new Blob([])), context: context(), params: {} }) as Promise<Response>);
    expect(await res.json()).toMatchObject({ error: "Select the PDF you were sent" });
  });
});

describe("rate limits", () => {
  it("counts per key in fixed windows", async () => {
    const at = new Date("2026-11-23T10:00:10Z");
    for (let i = 0; i < 3; i++) expect(await hitRateLimit(db(), "k", 3, 60, at)).toBe(false);
    expect(await hitRateLimit(db(), "k", 3, 60, at)).toBe(true);
    expect(await hitRateLimit(db(), "other", 3, 60, at)).toBe(false);
    expect(await hitRateLimit(db(), "k", 3, 60, new Date("2026-11-23T10:01:00Z"))).toBe(false);
  });

  afterEach(() => vi.useRealTimers());

  it("answers 429 after 60 look-ups a minute from one address", async () => {
    // A fixed clock, so the 61 requests can't straddle two windows.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T10:00:05Z"));
    const args = { request: new Request("http://localhost/verify/NMC-PL-2026-000001.json"), context: context("203.0.113.99"), params: { reference: "NMC-PL-2026-000001" } };
    for (let i = 0; i < 60; i++) expect((await run(verifyJson(args))).status).toBe(404);
    expect((await run(verifyJson(args))).status).toBe(429);
    expect((await run(verifyJson({ ...args, context: context("203.0.113.100") }))).status).toBe(404);
  });
});
