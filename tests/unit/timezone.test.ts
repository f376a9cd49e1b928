import { describe, expect, it } from "vitest";

describe("test clock", () => {
  it("runs in the Europe/London time zone, with British Summer Time", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("Europe/London");
    expect(new Date("2025-01-15T12:00:00Z").getHours()).toBe(12);
    expect(new Date("2025-07-15T12:00:00Z").getHours()).toBe(13);
  });
});
