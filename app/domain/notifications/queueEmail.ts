import { outbox } from "#db/schema/notifications";
import type { TemplateName, TemplateProps } from "#emails/index";
import type { Db } from "~/server/db.server";

/** Writes an email to the outbox inside the caller's transaction; returns its id for dispatch after commit. */
export async function queueEmail<N extends TemplateName>(tx: Db, to: string, template: N, props: TemplateProps<N>) {
  const [row] = await tx.insert(outbox).values({ to, template, props }).returning({ id: outbox.id });
  return row.id;
}
