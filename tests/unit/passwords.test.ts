import { describe, expect, it } from "vitest";
import { hashPassword, UNUSABLE_HASH, verifyPassword } from "~/domain/identity/passwords";

describe("passwords", () => {
  it("hashes with scrypt and a random salt, and verifies the same password", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse battery");
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse battery", b)).toBe(true);
  });

  it("rejects a wrong password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("treats Unicode-equivalent passwords as the same (NFKC)", async () => {
    const stored = await hashPassword("caf\u00e9 password");
    expect(await verifyPassword("cafe\u0301 password", stored)).toBe(true);
  });

  it("never matches the unusable hash", async () => {
    for (const attempt of ["", "password", "correct horse battery", "\u0000"]) {
      expect(await verifyPassword(attempt, UNUSABLE_HASH)).toBe(false);
    }
  });

  it("rejects malformed or foreign hashes", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$10$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$16384$8$1$$")).toBe(false);
  });
});
