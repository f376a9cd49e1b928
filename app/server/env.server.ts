import { z } from "zod";

const optionalUrl = z.url({ message: "must be a URL such as postgres://user@host:5432/db" }).optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** "production" for a real deployment: needs SESSION_SECRET and APP_URL, and hides the development mailbox. */
  APP_ENV: z.enum(["local", "production"]).default("local"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: optionalUrl,
  PGLITE_DIR: z.string().default(".data/pglite"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  APP_URL: z.url().optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().default("Child licensing <no-reply@licensing.example.gov.uk>"),
  STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  PUBLIC_IDLE_MINUTES: z.coerce.number().int().min(1).default(60 * 24),
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  RUN_WORKER: z.enum(["true", "false"]).default("true"),
  /** The day the Children's Wellbeing and Schools Act 2026 s28 employment limits come into force (YYYY-MM-DD); unset: not yet. */
  CWSA_2026_EMPLOYMENT_FROM: z.iso.date({ message: "must be a date, YYYY-MM-DD" }).optional(),
  /** First wait before a failed safeguarding-record delivery is tried again; it doubles each time. */
  SAFEGUARDING_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Reads and validates the environment once; a bad variable stops the process with a clear message. */
export function env(): Env {
  if (cached) return cached;
  // An empty variable means "not set".
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const result = EnvSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  if (result.data.APP_ENV === "production") {
    const missing = [
      !result.data.SESSION_SECRET && "  SESSION_SECRET: required when APP_ENV=production (32+ characters, the same for every web process)",
      !result.data.APP_URL && "  APP_URL: required when APP_ENV=production (the public https:// address, used in emailed links)",
    ].filter(Boolean);
    if (missing.length) throw new Error(`Invalid environment:\n${missing.join("\n")}`);
  }
  cached = result.data;
  return cached;
}

export function resetEnvCache() {
  cached = undefined;
}

export const appUrl = () => env().APP_URL ?? `http://localhost:${env().PORT}`;
/** Secure cookies and HSTS when the service is served over HTTPS (or SECURE_COOKIES says so). */
export const servedOverHttps = () => (env().SECURE_COOKIES ? env().SECURE_COOKIES === "true" : appUrl().startsWith("https:"));

/** The development mailbox is served only outside production. */
export const mailboxEnabled = () => env().APP_ENV !== "production";

export type SafeguardingEndpoint = { url: string; secret: string };

/**
 * An authority's safeguarding-record endpoint: SAFEGUARDING_WEBHOOK_URL_<CODE> and SAFEGUARDING_WEBHOOK_SECRET_<CODE>
 * (e.g. _NMC); null when the authority has not configured one. A URL without a usable secret is a setup mistake.
 */
export function safeguardingEndpoint(authorityCode: string): SafeguardingEndpoint | null {
  const url = process.env[`SAFEGUARDING_WEBHOOK_URL_${authorityCode}`];
  if (!url) return null;
  const secret = process.env[`SAFEGUARDING_WEBHOOK_SECRET_${authorityCode}`] ?? "";
  if (!/^https?:\/\//.test(url)) throw new Error(`SAFEGUARDING_WEBHOOK_URL_${authorityCode} must be an http(s) URL`);
  if (secret.length < 32) throw new Error(`SAFEGUARDING_WEBHOOK_SECRET_${authorityCode} must be at least 32 characters`);
  return { url, secret };
}
