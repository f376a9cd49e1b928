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
const SCHEDULES: Partial<Record<(typeof QUEUES)[keyof typeof QUEUES], string>> = {
  "sweep-outbox": "* * * * *",
  "chaperone-renewal-reminders": "0 8 * * *",
  "school-consultation-reminders": "0 8 * * *",
  "end-permits-at-school-leaving": "0 6 * * *",
  "escalate-clocks": "0 9 * * 1-5",
};

/**
 * How long a job may run before it counts as lost and is tried again (pg-boss's default is 15 minutes). A delivery
 * takes seconds (the provider call times out at 30), so a process killed mid-delivery must not hold its message for
 * a quarter of an hour: its job is retried at the next maintenance after 90 seconds.
 */
const EXPIRE_IN_SECONDS: Record<string, number> = { "deliver-email": 90, "safeguarding-webhook": 90 };

export type JobHandlers = Record<string, (data: unknown) => Promise<void>>;

const holder = globalThis as unknown as { __clpBoss?: PgBoss };

/**
 * Two processes starting at once both create pg-boss's queues (each a partition of its job table), and PostgreSQL can
 * pick one of them as a deadlock victim (SQLSTATE 40P01; found by the two-app-processes fault test). The other has
 * done the work by then, so the victim simply tries again.
 */
async function retryOnDeadlock<T>(work: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: unknown }).code !== "40P01" || attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/** Starts pg-boss on the open connection; with `work`, this process also runs the handlers. */
export async function startJobs(conn: Connection, opts: { work: boolean; handlers: JobHandlers }) {
  const boss =
    conn.kind === "postgres"
      ? new PgBoss({ connectionString: conn.url, max: 4, maintenanceIntervalSeconds: 30 })
      : new PgBoss({ db: { executeSql: conn.executeSql } as never, maintenanceIntervalSeconds: 30 });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  for (const name of Object.keys(opts.handlers)) {
    const options = { name, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: EXPIRE_IN_SECONDS[name] ?? 15 * 60 };
    await retryOnDeadlock(() => boss.createQueue(name, options));
    await retryOnDeadlock(() => boss.updateQueue(name, options));
  }
  if (opts.work) {
    for (const [name, handler] of Object.entries(opts.handlers)) {
      await boss.work(name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    }
    for (const [name, cron] of Object.entries(SCHEDULES)) {
      if (cron && opts.handlers[name]) await retryOnDeadlock(() => boss.schedule(name, cron, {}, { tz: "Europe/London" }));
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
