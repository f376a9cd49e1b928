/**
 * The baseline for `npm run bench:http`: a bare `node:http` server answering the same two requests with the same
 * work and the same queries as the portal, without Express or Remix:
 *   GET  /check-if-a-licence-is-needed/result: the checker's signed cookie read, the council found for the
 *        postcode and its settings read (the same two queries), the exemption rules applied, and the page's HTML
 *        (captured once from the portal, passed in BARE_PAGE_FILE) sent;
 *   GET  /accessibility: the page's HTML (captured from the portal, BARE_STATIC_FILE), with no work: the floor;
 *   POST /api/v1/exemption-checks: the JSON body read, validated and checked exactly as the API does.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createCookieSessionStorage } from "@remix-run/node";
import { findAuthorityForPostcode } from "../app/domain/authorities/findAuthorityForPostcode";
import { checkExemption, DEFAULT_LOCAL_SETTINGS } from "../app/domain/exemptions/rules";
import { ExemptionCheckRequest } from "../app/domain/exemptions/schema";
import { getAuthoritySettings } from "../app/domain/settings/getAuthoritySettings";
import { openPostgres } from "../app/server/db.server";
import { CheckerAnswers, toExemptionInput } from "../app/ui/checker/answers";

const conn = await openPostgres(process.env.DATABASE_URL ?? "");
const page = readFileSync(process.env.BARE_PAGE_FILE ?? "", "utf8");
const staticPage = readFileSync(process.env.BARE_STATIC_FILE ?? "", "utf8");
const storage = createCookieSessionStorage<{ answers: unknown }>({
  cookie: { name: "clp_checker", httpOnly: true, sameSite: "lax", path: "/check-if-a-licence-is-needed", maxAge: 86_400, secrets: [process.env.SESSION_SECRET ?? ""] },
});

const server = createServer(async (req, res) => {
  try {
    if (req.method === "GET" && req.url === "/check-if-a-licence-is-needed/result") {
      const session = await storage.getSession(req.headers.cookie);
      const answers = CheckerAnswers.parse(session.get("answers"));
      const authority = answers.postcode ? await findAuthorityForPostcode(conn.db, answers.postcode) : null;
      const settings = authority ? await getAuthoritySettings(conn.db, authority.id) : null;
      const local = settings ? { absenceAllowed: settings.exemptAbsenceAllowed, broadcastAllowed: settings.exemptBroadcastAllowed } : DEFAULT_LOCAL_SETTINGS;
      checkExemption(toExemptionInput(answers), local);
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page);
      return;
    }
    if (req.method === "GET" && req.url === "/accessibility") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(staticPage);
      return;
    }
    if (req.method === "POST" && req.url === "/api/v1/exemption-checks") {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const parsed = ExemptionCheckRequest.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      if (!parsed.success) {
        res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ errors: parsed.error.issues }));
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" }).end(JSON.stringify(checkExemption(parsed.data)));
      return;
    }
    res.writeHead(404).end();
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare server ready"));
process.on("SIGTERM", () => process.exit(0)); // exit cleanly, so a CPU profile (BENCH_PROFILE_DIR) is written
