import { describe, expect, it } from "vitest";
import { readForm } from "~/server/forms.server";

const TOKEN = "t".repeat(43);
const context = { csrfToken: TOKEN, cspNonce: "n", ip: "127.0.0.1", baseUrl: "http://localhost" };

describe("reading a posted form", () => {
  it("drops control characters nobody types, keeping tabs and line breaks", async () => {
    const body = new URLSearchParams({ csrf: TOKEN, name: "Ame\u0000lia\u0007 \u001B[31mLee\u007F", details: "line one\r\nline\ttwo\u000B" });
    const form = await readForm(new Request("http://localhost/x", { method: "POST", body }), context as never);
    expect(form.get("name")).toBe("Amelia [31mLee");
    expect(form.get("details")).toBe("line one\r\nline\ttwo");
    expect(form.get("csrf")).toBeNull();
  });

  it("refuses a form without the page's token", async () => {
    const body = new URLSearchParams({ csrf: "x".repeat(43), name: "Amelia" });
    await expect(readForm(new Request("http://localhost/x", { method: "POST", body }), context as never)).rejects.toMatchObject({ status: 403 });
  });
});
