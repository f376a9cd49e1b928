import { json } from "@remix-run/node";
import { connection } from "~/server/db.server";

export async function loader() {
  const ok = (await connection()?.ping()) ?? false;
  return json(ok ? { status: "ok", db: "ok" } : { status: "error", db: "unreachable" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
