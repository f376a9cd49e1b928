/**
 * A small picture of one day at the venue, as an SVG string to inline in a server-rendered page (no client JS).
 * role="img" with a <title> and <desc> that say the day in words; anything over a limit is drawn in red with a
 * hatch (not colour alone) and named in the description. Colours are GOV.UK's, each at least 3:1 against white.
 */
import { formatDay } from "../calendar/dates";
import { breaksShortfall, type Day, type DayLimits, formatDuration, type HoursRule, performingRuns, toMinutes } from "./rules";

const WIDTH = 600;
const HEIGHT = 140;
const X0 = 84;
const X1 = 578;
const ROWS = { venue: 12, performing: 38, breaks: 64 } as const;
const ROW_HEIGHT = 18;
const AXIS_Y = 92;
const COLOURS = { text: "#0b0c0c", grey: "#505a5f", venue: "#f3f2f1", performing: "#1d70b8", meal: "#00703c", rest: "#4c2c92", breach: "#d4351c" };

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const span = (from: number, to: number) => `${clock(from)} to ${clock(to)}`;
const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? ""));

type Breach = { rule: HoursRule; row: keyof typeof ROWS; from: number; to: number; words: string };

/** What is over a limit, as spans to draw in red and words for the description. */
function breachesOf(day: Day, limits: DayLimits): Breach[] {
  const arrive = toMinutes(day.arrive);
  const depart = toMinutes(day.depart);
  const earliest = toMinutes(limits.earliest);
  const latest = toMinutes(limits.latest);
  const runs = performingRuns(day.performing);
  const breaches: Breach[] = [];
  if (arrive < earliest) breaches.push({ rule: "HOURS-EARLIEST", row: "venue", from: arrive, to: Math.min(earliest, depart), words: `arrives at ${day.arrive}, before ${limits.earliest}` });
  if (depart > latest) breaches.push({ rule: "HOURS-LATEST", row: "venue", from: Math.max(latest, arrive), to: depart, words: `leaves at ${day.depart}, after ${limits.latest}` });
  if (depart - arrive > limits.atPlace) {
    breaches.push({
      rule: "HOURS-AT-PLACE",
      row: "venue",
      from: arrive + limits.atPlace,
      to: depart,
      words: `at the venue for ${formatDuration(depart - arrive)}, over ${formatDuration(limits.atPlace)}`,
    });
  }
  // The performing after the day's total is used up.
  let left = limits.performing;
  const total = runs.reduce((sum, r) => sum + r.end - r.start, 0);
  for (const r of runs) {
    const from = r.start + Math.max(0, left);
    if (from < r.end) breaches.push({ rule: "HOURS-PERFORMING", row: "performing", from, to: r.end, words: "" });
    left -= r.end - r.start;
  }
  const over = breaches.filter((b) => b.rule === "HOURS-PERFORMING");
  if (over.length) over[0].words = `performing for ${formatDuration(total)} in total, over ${formatDuration(limits.performing)}`;
  for (const r of runs) {
    if (r.end - r.start > limits.continuous) {
      breaches.push({
        rule: "HOURS-CONTINUOUS",
        row: "performing",
        from: r.start + limits.continuous,
        to: r.end,
        words: `performing without a break from ${span(r.start, r.end)}, over ${formatDuration(limits.continuous)}`,
      });
    }
  }
  const short = breaksShortfall(day, limits.band);
  if (short) breaches.push({ rule: "HOURS-BREAKS", row: "breaks", from: arrive, to: depart, words: `${short.has}, where ${short.needs} are needed` });
  return breaches;
}

/**
 * The day as an accessible SVG: a 06:00–24:00 axis (earlier when the day starts earlier) with hour ticks, the time
 * at the venue, performing, meal and rest breaks, dashed lines at the earliest and latest times, breaches in red.
 * `id` makes the element ids unique when several pictures share a page (default: from the date).
 */
export function dayTimeline(day: Day, limits?: DayLimits, options: { id?: string } = {}) {
  const id = (options.id ?? `timeline-${day.date}`).replace(/[^A-Za-z0-9_-]/g, "-");
  const arrive = toMinutes(day.arrive);
  const depart = toMinutes(day.depart);
  const startHour = Math.min(6, Math.floor(arrive / 60));
  const x = (minutes: number) => (X0 + ((minutes - startHour * 60) / ((24 - startHour) * 60)) * (X1 - X0)).toFixed(1);
  const w = (from: number, to: number) => ((Math.max(0, to - from) / ((24 - startHour) * 60)) * (X1 - X0)).toFixed(1);
  const rect = (row: keyof typeof ROWS, from: number, to: number, attrs: string) => {
    const start = Math.max(from, startHour * 60);
    return `<rect x="${x(start)}" y="${ROWS[row]}" width="${w(start, to)}" height="${ROW_HEIGHT}" ${attrs}/>`;
  };

  const runs = performingRuns(day.performing);
  const breaches = limits ? breachesOf(day, limits) : [];
  const parts: string[] = [];

  parts.push(
    `<defs>`,
    `<pattern id="${id}-rest" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="${COLOURS.rest}"/></pattern>`,
    `<pattern id="${id}-breach" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="2" height="6" fill="${COLOURS.breach}"/></pattern>`,
    `</defs>`,
  );
  for (const [row, label] of [
    ["venue", "At venue"],
    ["performing", "Performing"],
    ["breaks", "Breaks"],
  ] as const) {
    parts.push(`<text x="0" y="${ROWS[row] + 13}" font-size="12" fill="${COLOURS.text}">${label}</text>`);
  }

  // Axis with hour ticks, labelled every 2 hours.
  parts.push(`<line x1="${X0}" y1="${AXIS_Y}" x2="${X1}" y2="${AXIS_Y}" stroke="${COLOURS.grey}"/>`);
  for (let hour = startHour; hour <= 24; hour++) {
    parts.push(`<line x1="${x(hour * 60)}" y1="${AXIS_Y}" x2="${x(hour * 60)}" y2="${AXIS_Y + 4}" stroke="${COLOURS.grey}"/>`);
    if ((hour - startHour) % 2 === 0) {
      parts.push(`<text x="${x(hour * 60)}" y="${AXIS_Y + 16}" font-size="10" text-anchor="middle" fill="${COLOURS.text}">${clock(hour * 60)}</text>`);
    }
  }

  parts.push(rect("venue", arrive, depart, `fill="${COLOURS.venue}" stroke="${COLOURS.text}"`));
  for (const r of runs) parts.push(rect("performing", r.start, r.end, `fill="${COLOURS.performing}"`));
  for (const b of day.breaks) {
    const from = toMinutes(b.start);
    const to = toMinutes(b.end);
    parts.push(rect("breaks", from, to, b.kind === "meal" ? `fill="${COLOURS.meal}"` : `fill="url(#${id}-rest)" stroke="${COLOURS.rest}"`));
  }
  for (const b of breaches) {
    const attrs = `fill="url(#${id}-breach)" stroke="${COLOURS.breach}" stroke-width="2" data-breach="${b.rule}"`;
    parts.push(b.rule === "HOURS-BREAKS" ? rect("breaks", b.from, b.to, `fill="none" stroke="${COLOURS.breach}" stroke-width="2" data-breach="${b.rule}"`) : rect(b.row, b.from, b.to, attrs));
  }
  if (limits) {
    for (const [time, label] of [
      [limits.earliest, "earliest"],
      [limits.latest, "latest"],
    ] as const) {
      const at = x(toMinutes(time));
      parts.push(`<line x1="${at}" y1="4" x2="${at}" y2="${AXIS_Y}" stroke="${COLOURS.grey}" stroke-width="1.5" stroke-dasharray="4 3" data-limit="${label}"/>`);
    }
  }

  // Legend.
  const legend: [string, string][] = [
    ["Performing", `fill="${COLOURS.performing}"`],
    ["Meal break", `fill="${COLOURS.meal}"`],
    ["Rest break", `fill="url(#${id}-rest)" stroke="${COLOURS.rest}"`],
    ...(limits ? ([["Over a limit", `fill="url(#${id}-breach)" stroke="${COLOURS.breach}" stroke-width="2"`]] as [string, string][]) : []),
  ];
  legend.forEach(([label, attrs], i) => {
    const lx = i * 110;
    parts.push(`<rect x="${lx}" y="${HEIGHT - 20}" width="14" height="10" ${attrs}/>`, `<text x="${lx + 19}" y="${HEIGHT - 11}" font-size="11" fill="${COLOURS.text}">${label}</text>`);
  });
  if (limits) {
    const lx = legend.length * 110;
    parts.push(
      `<line x1="${lx}" y1="${HEIGHT - 15}" x2="${lx + 14}" y2="${HEIGHT - 15}" stroke="${COLOURS.grey}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
      `<text x="${lx + 19}" y="${HEIGHT - 11}" font-size="11" fill="${COLOURS.text}">Time limits</text>`,
    );
  }

  const title = `Timeline for ${formatDay(day.date)}`;
  const sentences = [`At the venue from ${span(arrive, depart)} (${formatDuration(depart - arrive)}).`];
  const total = runs.reduce((sum, r) => sum + r.end - r.start, 0);
  sentences.push(runs.length ? `Performing ${list(runs.map((r) => span(r.start, r.end)))} (${formatDuration(total)} in total).` : "No performing.");
  sentences.push(day.breaks.length ? `Breaks: ${list(day.breaks.map((b) => `${b.kind} break ${b.start} to ${b.end}`))}.` : "No breaks.");
  if (limits) {
    sentences.push(
      `Limits for ${limits.bandWords}: at the venue between ${limits.earliest} and ${limits.latest}, for at most ${formatDuration(limits.atPlace)}; performing at most ${formatDuration(limits.performing)}, and at most ${formatDuration(limits.continuous)} without a break.`,
    );
    const words = breaches.map((b) => b.words).filter(Boolean);
    sentences.push(words.length ? `Over a limit: ${words.join("; ")}.` : "Within these limits.");
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-timeline" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="arial, sans-serif">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(sentences.join(" "))}</desc>`,
    ...parts,
    `</svg>`,
  ].join("");
}
