import { describe, expect, it } from "vitest";
import { type Day, dayLimits } from "~/domain/hours/rules";
import { dayTimeline } from "~/domain/hours/timeline";

const AGE_9_UP = "2015-01-01";
const good: Day = {
  date: "2026-03-14",
  arrive: "09:00",
  depart: "18:30",
  performing: [
    { start: "10:00", end: "12:00" },
    { start: "14:00", end: "16:30" },
  ],
  breaks: [
    { start: "12:15", end: "13:00", kind: "meal" },
    { start: "13:15", end: "13:30", kind: "rest" },
    { start: "16:45", end: "17:00", kind: "rest" },
  ],
};
const limits = dayLimits(AGE_9_UP, good.date);
const desc = (svg: string) => svg.match(/<desc id="[^"]+">([^<]*)<\/desc>/)?.[1];

describe("dayTimeline", () => {
  it("is an image named by its title and described in words, with the limits as dashed lines and no breach", () => {
    const svg = dayTimeline(good, limits);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="timeline-2026-03-14-title timeline-2026-03-14-desc"/);
    expect(svg).toContain('width="600"');
    expect(svg).toContain('<title id="timeline-2026-03-14-title">Timeline for Sat 14 March 2026</title>');
    expect(desc(svg)).toBe(
      "At the venue from 09:00 to 18:30 (9 h 30 min). Performing 10:00 to 12:00 and 14:00 to 16:30 (4 h 30 min in total). Breaks: meal break 12:15 to 13:00, rest break 13:15 to 13:30 and rest break 16:45 to 17:00. Limits for ages 9 and over: at the venue between 07:00 and 23:00, for at most 9 h 30 min; performing at most 5 h, and at most 2 h 30 min without a break. Within these limits.",
    );
    expect(svg).toMatch(/<line [^>]*stroke-dasharray="4 3" data-limit="earliest"\/>/);
    expect(svg).toMatch(/data-limit="latest"/);
    expect(svg).not.toContain("data-breach");
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it("draws a 06:00–24:00 axis with a tick every hour", () => {
    const svg = dayTimeline(good, limits);
    for (const label of ["06:00", "12:00", "24:00"]) expect(svg).toContain(`>${label}</text>`);
    expect(svg).not.toContain(">05:00</text>");
    expect(svg.match(/<line [^>]*y2="96"/g)).toHaveLength(19);
  });

  it("shows meal and rest breaks differently: solid green, purple stripes", () => {
    const svg = dayTimeline(good, limits);
    expect(svg).toMatch(/<rect [^>]*y="64"[^>]*fill="#00703c"\/>/);
    expect(svg.match(/<rect [^>]*y="64"[^>]*fill="url\(#timeline-2026-03-14-rest\)" stroke="#4c2c92"\/>/g)).toHaveLength(2);
  });

  it("draws a breach in red and names it in the description", () => {
    const svg = dayTimeline({ ...good, depart: "18:31" }, limits);
    expect(svg).toMatch(/<rect [^>]*stroke="#d4351c"[^>]*data-breach="HOURS-AT-PLACE"\/>/);
    expect(desc(svg)).toContain("Over a limit: at the venue for 9 h 31 min, over 9 h 30 min.");
  });

  it("starts the axis earlier for an early arrival and marks it, and the missing breaks", () => {
    const svg = dayTimeline({ ...good, arrive: "05:00", breaks: [] }, limits);
    expect(svg).toContain(">05:00</text>");
    expect(svg).toContain('data-breach="HOURS-EARLIEST"');
    expect(svg).toContain('data-breach="HOURS-BREAKS"');
    expect(desc(svg)).toContain("arrives at 05:00, before 07:00");
  });

  it("marks performing over the day's total and over the continuous limit", () => {
    const svg = dayTimeline({ ...good, performing: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "16:00" }], breaks: [] }, limits);
    expect(svg.match(/data-breach="HOURS-CONTINUOUS"/g)).toHaveLength(2);
    expect(svg.match(/data-breach="HOURS-PERFORMING"/g)).toHaveLength(1);
    expect(desc(svg)).toContain("performing for 6 h in total, over 5 h");
  });

  it("takes an id for several pictures on one page, and escapes what it writes", () => {
    const svg = dayTimeline({ ...good, breaks: [{ start: "12:15", end: "13:00", kind: '<b a="1">' as "meal" }] }, limits, { id: 'child 1"><x' });
    expect(svg).toContain('aria-labelledby="child-1---x-title child-1---x-desc"');
    expect(svg).not.toContain("<b ");
    expect(desc(svg)).toContain("&lt;b a=&quot;1&quot;&gt; break 12:15 to 13:00");
  });

  it("without limits draws the day only", () => {
    const svg = dayTimeline({ ...good, depart: "23:50" });
    expect(svg).not.toContain("data-breach");
    expect(svg).not.toContain("data-limit");
    expect(desc(svg)).not.toContain("Limits");
  });
});
