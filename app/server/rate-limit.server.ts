import type { AppLoadContext } from "@remix-run/node";
import { hitRateLimit } from "~/domain/security.server";
import { db } from "./db.server";

/** 429 when an address goes over `limit` requests a minute for this purpose. */
export async function limitByAddress(context: AppLoadContext, purpose: string, limit: number) {
  if (await hitRateLimit(db(), `${purpose}:${context.ip ?? "unknown"}`, limit, 60)) {
    throw new Response("Too many requests", { status: 429, headers: { "Retry-After": "60" } });
  }
}
