import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type TemplateName, templates } from "#emails/index";
import { renderEmail } from "~/domain/notifications/deliverEmail";

const EMAILS_DIR = path.resolve(process.cwd(), "emails");
const names = Object.keys(templates) as TemplateName[];

describe("email templates", () => {
  it.each(names)("%s renders its preview with a subject, the link and a plain-text version", async (name) => {
    const { previewProps } = templates[name];
    const url = (previewProps as { url?: string }).url;
    expect(url, `${name} preview props need a url`).toMatch(/^https?:\/\//);

    const email = await renderEmail(name, previewProps);
    expect(email.subject.trim().length).toBeGreaterThan(0);
    expect(email.html).toMatch(/^<!DOCTYPE html/i);
    expect(email.html).toContain(`href="${url}"`);
    expect(email.text.trim().length).toBeGreaterThan(0);
    expect(email.text).toContain(url);
    expect(email.text).not.toMatch(/<[a-z][^>]*>/i);
    expect(email.text).toContain((previewProps as { name: string }).name);
  });

  it("puts the role in the staff invitation subject", async () => {
    const email = await renderEmail("staff-invitation", { ...templates["staff-invitation"].previewProps, roleDescription: "the LADO at Southmere Council" });
    expect(email.subject).toBe("You have been invited to the child licensing service as the LADO at Southmere Council");
  });

  it("refuses an unknown template", async () => {
    await expect(renderEmail("no-such-template", {})).rejects.toThrow("Unknown email template: no-such-template");
  });

  it("registers every template file in emails/ and each exports previewProps", async () => {
    const files = readdirSync(EMAILS_DIR, { withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith(".tsx") && f.name !== "index.tsx")
      .map((f) => f.name.replace(/\.tsx$/, ""));
    expect(files.length).toBeGreaterThan(0);
    expect([...files].sort()).toEqual([...names].sort());
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.join(EMAILS_DIR, `${file}.tsx`))) as Record<string, unknown>;
      expect(mod.previewProps, `emails/${file}.tsx must export previewProps`).toBeTypeOf("object");
      expect(mod.previewProps, `emails/${file}.tsx must export previewProps`).not.toBeNull();
      expect(mod.subject, `emails/${file}.tsx must export subject`).toBeTypeOf("function");
      expect(mod.default, `emails/${file}.tsx must export a default component`).toBeTypeOf("function");
      expect(templates[file as TemplateName].previewProps).toBe(mod.previewProps);
    }
  });
});
