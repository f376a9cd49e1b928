import { createServer, type IncomingHttpHeaders } from "node:http";

/** The test case management system the app sends Northmere's referrals to (set in playwright.config.ts). */
const RECEIVER_PORT = Number(process.env.E2E_PORT ?? 3300) + 1000;
export const RECEIVER_SECRET = "e2e-safeguarding-secret-of-at-least-32-characters";
export const RECEIVER_URL = `http://127.0.0.1:${RECEIVER_PORT}/safeguarding`;

export type Delivery = { headers: IncomingHttpHeaders; body: string; status: number };

/** Listens on RECEIVER_PORT; fails the first `failures` requests with 503, then answers 200 with a case reference. */
export function startReceiver(failures: number, caseReference: string) {
  const deliveries: Delivery[] = [];
  let failed = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const status = failed < failures ? 503 : 200;
      if (status === 503) failed++;
      deliveries.push({ headers: req.headers, body, status });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status === 200 ? { caseReference } : { error: "try again later" }));
    });
  });
  return new Promise<{ deliveries: Delivery[]; close: () => Promise<void> }>((resolve, reject) => {
    server.once("error", reject);
    server.listen(RECEIVER_PORT, "127.0.0.1", () => resolve({ deliveries, close: () => new Promise<void>((done) => server.close(() => done())) }));
  });
}
