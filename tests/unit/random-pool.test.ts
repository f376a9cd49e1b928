import { describe, expect, it } from "vitest";
import { randomToken } from "~/server/random-pool.server";

describe("randomToken", () => {
  it("hands out tokens of the length asked for, never the same one twice, across many refills of the pool", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const token = randomToken(32, "base64url");
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      seen.add(token);
    }
    expect(seen.size).toBe(2000);
  });

  it("encodes a CSP nonce as base64", () => {
    expect(randomToken(16, "base64")).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("spreads its bytes evenly (each byte value within a generous band over 256 KB)", () => {
    const counts = new Array(256).fill(0);
    for (let i = 0; i < 8192; i++) for (const b of Buffer.from(randomToken(32, "base64url"), "base64url")) counts[b]++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1250);
  });

  it("refuses more than the pool holds", () => {
    expect(() => randomToken(5000, "base64")).toThrow(RangeError);
  });
});
