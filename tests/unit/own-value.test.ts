import { describe, expect, it } from "vitest";
import { ownValue } from "~/ui/ownValue";

describe("looking up a banner by a word from the address", () => {
  it("finds the record's own keys only", () => {
    const banners = { saved: "Saved" };
    expect(ownValue(banners, "saved")).toBe("Saved");
    for (const hostile of ["__proto__", "constructor", "toString", "hasOwnProperty", "", null, undefined]) expect(ownValue(banners, hostile)).toBeUndefined();
  });
});
