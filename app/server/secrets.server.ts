import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "./env.server";

let cached: string | undefined;

/** SESSION_SECRET, or (outside production) a random one generated once under .data/. */
export function sessionSecret(): string {
  if (cached) return cached;
  const configured = env().SESSION_SECRET;
  if (configured) {
    cached = configured;
    return cached;
  }
  const file = path.resolve(".data/session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  cached = readFileSync(file, "utf8").trim();
  return cached;
}
