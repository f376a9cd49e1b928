import fc from "fast-check";

/** How many inputs each property tries: at least 500 (FUZZ_RUNS raises it). */
export const RUNS = Math.max(500, Number(process.env.FUZZ_RUNS ?? 0) || 0);

/** Strings an attacker or a broken client might send. */
export const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uFEFF",
    "Amelia\u0007",
    "\u001B[31mred",
    "line\u000Bbreak\u000C",
    "tab\tand\r\nnewline",
    "'; DROP TABLE users; --",
    "<script>alert(1)</script>",
    "{{7*7}}",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, sent as plain text
    "${process.exit()}",
    "../../etc/passwd",
    "=HYPERLINK(\"http://evil\")",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "2026-13-01",
    "24:00",
    "23:60",
    "99:99",
    "00:00",
    "\u202Eevil",
    "null",
    "undefined",
    "__proto__",
    "constructor",
  ),
  fc.string({ minLength: 10_000, maxLength: 12_000 }).map((s) => s || "x".repeat(10_001)),
);

/** Any JSON value, including wrong types where objects are expected. */
export const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(null, true, 0, -1, 1e308, "", [], {}, { __proto__: null }),
  // objects that cannot be turned into text: String(value) or a regex test on them throws
  fc.constantFrom({ toString: null }, { toString: null, valueOf: null }, { toString: 1 }),
  fc.integer().map((n) => n),
  fc.double(),
  hostileString,
);

/** A value for a field that should hold a date, time, boolean or list: the right kind, the wrong kind, or nothing. */
export const fieldValue = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 2, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constant(undefined) });

export const isoDate = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
export const clockTime = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

/** An object with some keys left out (a missing field). */
export function withSomeMissing<T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) {
  return fc.record(shape, { requiredKeys: [] });
}

/** What a response body must never show: a stack trace or an internal error. */
export function leaksInternals(text: string) {
  return /\bat [\w.<>]+ \(|node_modules|Error: |TypeError|ReferenceError|SyntaxError: Unexpected/.test(text);
}
