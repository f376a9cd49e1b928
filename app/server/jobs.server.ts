import PgBoss from "pg-boss";
import type { Connection } from "./db.server";

export const QUEUES = {
  deliverEmail: "deliver-email",
  sweepOutbox: "sweep-outbox",
  renewalReminders: "chaperone-renewal-reminders",
  schoolConsultationReminders: "school-consultation-reminders",
  endPermitsAtSchoolLeaving: "end-permits-at-school-leaving",
  safeguardingWebhook: "safeguarding-webhook",
  escalateClocks: "escalate-clocks",
} as const;

/** Recurring jobs (cron, Europe/London). pg-boss runs each schedule once across all workers. */
export const SCHEDULES: Partial<Record<(typeof QUEUES)[keyof typeof QUEUES], string>> = {
  "sweep-outbox": "* * * * *",
  "chaperone-renewal-reminders": "0 8 * * *",
  "school-consultation-reminders": "0 8 * * *",
  "end-permits-at-school-leaving": "0 6 * * *",
  "escalate-clocks": "0 9 * * 1-5",
};

export type JobHandlers = Record<string, (data: unknown) => Promise<void>>;

const holder = globalThis as unknown as { __clpBoss?: PgBoss };

export function jobQueue(): PgBoss | undefined {
  return holder.__clpBoss;
}

/** Starts pg-boss on the open connection; with `work`, this process also runs the handlers. */
export async function startJobs(conn: Connection, opts: { work: boolean; handlers: JobHandlers }) {
  const boss =
    conn.kind === "postgres"
      ? new PgBoss({ connectionString: conn.url, max: 4 })
      : new PgBoss({ db: { executeSql: conn.executeSql } as never });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  for (const name of Object.keys(opts.handlers)) {
    await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 5, retryBackoff: true });
  }
  if (opts.work) {
    for (const [name, handler] of Object.entries(opts.handlers)) {
      await boss.work(name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    }
    for (const [name, cron] of Object.entries(SCHEDULES)) {
      if (cron && opts.handlers[name]) await boss.schedule(name, cron, {}, { tz: "Europe/London" });
    }
  }
  holder.__clpBoss = boss;
  return boss;
}

export async function stopJobs() {
  const boss = holder.__clpBoss;
  holder.__clpBoss = undefined;
  if (boss) await boss.stop({ graceful: true, wait: true, timeout: 3000 });
}

/** Queues a job if this process has a queue; otherwise the outbox sweeper picks the work up. */
export async function enqueue(name: string, data: object, options: PgBoss.SendOptions = {}) {
  const boss = holder.__clpBoss;
  if (!boss) return null;
  return boss.send(name, data, options);
}
