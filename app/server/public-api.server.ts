import type { IncomingMessage, ServerResponse } from "node:http";
import { checkEmployment } from "~/domain/employment/rules";
import { EmploymentCheckRequest } from "~/domain/employment/schema";
import { apiErrors, ExemptionCheckRequest } from "~/domain/exemptions/schema";
import { checkExemption } from "~/domain/exemptions/rules";
import { checkSchedule } from "~/domain/hours/rules";
import { ScheduleCheckRequest } from "~/domain/hours/schema";
import type { ApiError } from "./api.server";
import { permitRuleOptions } from "./permit-application.server";

export type ApiAnswer = { status: number; body: { errors: ApiError[] } | object };

type PublicApi = { maxChars: number; answer(body: unknown): ApiAnswer };

const bad = (errors: ApiError[]): ApiAnswer => ({ status: 400, body: { errors } });

export const TOO_LARGE = bad([{ path: "", message: "The request body is too large" }]);

/**
 * The public JSON APIs (DESIGN.md contracts) by address: stateless, cookie-free and without the database, so the
 * same answer serves the Remix route and the direct path in front of it (answerPublicApi).
 */
export const PUBLIC_APIS: Record<string, PublicApi> = {
  "/api/v1/exemption-checks": {
    maxChars: 256 * 1024,
    answer(body) {
      const parsed = ExemptionCheckRequest.safeParse(body);
      return parsed.success ? { status: 200, body: checkExemption(parsed.data) } : bad(apiErrors(parsed.error));
    },
  },
  "/api/v1/schedule-checks": {
    // 366 days with a few periods each fit well within this
    maxChars: 512 * 1024,
    answer(body) {
      const parsed = ScheduleCheckRequest.safeParse(body);
      return parsed.success ? { status: 200, body: checkSchedule(parsed.data) } : bad(apiErrors(parsed.error));
    },
  },
  "/api/v1/employment-checks": {
    // a year of shifts fits well within this
    maxChars: 256 * 1024,
    answer(body) {
      const parsed = EmploymentCheckRequest.safeParse(body);
      return parsed.success ? { status: 200, body: checkEmployment(parsed.data, permitRuleOptions()) } : bad(apiErrors(parsed.error));
    },
  },
};

/** An API's answer to a request body (text): too large or not JSON is a 400 like any other bad input. */
export function answerJson(api: PublicApi, text: string): ApiAnswer {
  if (text.length > api.maxChars) return TOO_LARGE;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bad([{ path: "", message: "The request body must be JSON" }]);
  }
  return api.answer(body);
}

/** The headers of every API answer (the JSON needs none of a page's script and style allowances). */
function apiHeaders(https: boolean): Record<string, string> {
  return {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * Answers a POST to a public API straight from node:http, before Express and Remix (decision 030): the work is a
 * parse and a pure rule check, and the framework's routing and request objects cost five times as much. Returns
 * false for anything else, which goes on to the app as usual.
 */
export function answerPublicApi(req: IncomingMessage, res: ServerResponse, https: boolean): boolean {
  const api = req.method === "POST" ? PUBLIC_APIS[req.url ?? ""] : undefined;
  if (!api) return false;
  const reply = ({ status, body }: ApiAnswer) => {
    if (!res.headersSent) res.writeHead(status, apiHeaders(https)).end(JSON.stringify(body));
  };
  // Refuse an announced oversized body before reading it (a character is at most 4 bytes).
  if (Number(req.headers["content-length"] ?? 0) > api.maxChars * 4) {
    reply(TOO_LARGE);
    req.resume();
    return true;
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  req.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes <= api.maxChars * 4) chunks.push(chunk);
    else if (!res.headersSent) {
      reply(TOO_LARGE);
      res.once("finish", () => req.destroy());
    }
  });
  req.on("end", () => reply(answerJson(api, Buffer.concat(chunks).toString("utf8"))));
  req.on("error", () => res.destroy());
  return true;
}
