import { escalateClocks } from "~/domain/clocks.server";
import { deliverEmail } from "~/domain/notifications/deliverEmail";
import { sendRenewalReminders } from "~/domain/chaperones/sendRenewalReminders";
import { sendConsultationReminders } from "~/domain/schools/sendConsultationReminders";
import { endPermitsAtSchoolLeaving } from "~/domain/employment/endPermitsAtSchoolLeaving";
import { dispatchEmails, sweepOutbox } from "~/domain/notifications/dispatchEmails";
import { deliverSafeguardingEvent, sweepDeliveries } from "~/domain/safeguarding.server";
import { db } from "./db.server";
import { appUrl, env } from "./env.server";
import { type JobHandlers, QUEUES } from "./jobs.server";

/** What each queue's worker does. */
export function jobHandlers(): JobHandlers {
  return {
    [QUEUES.deliverEmail]: async (data) => {
      await deliverEmail(db(), (data as { outboxId: string }).outboxId, env().RESEND_API_KEY, env().EMAIL_FROM);
    },
    [QUEUES.sweepOutbox]: async () => {
      await sweepOutbox(db());
      await sweepDeliveries(db());
    },
    [QUEUES.escalateClocks]: async () => {
      const { outboxIds } = await escalateClocks(db(), appUrl());
      await dispatchEmails(outboxIds);
    },
    [QUEUES.safeguardingWebhook]: async (data) => {
      await deliverSafeguardingEvent(db(), (data as { deliveryId: string }).deliveryId);
    },
    [QUEUES.renewalReminders]: async () => {
      const { outboxIds } = await sendRenewalReminders(db(), appUrl());
      await dispatchEmails(outboxIds);
    },
    [QUEUES.schoolConsultationReminders]: async () => {
      const { outboxIds } = await sendConsultationReminders(db(), appUrl());
      await dispatchEmails(outboxIds);
    },
    [QUEUES.endPermitsAtSchoolLeaving]: async () => {
      const { outboxIds } = await endPermitsAtSchoolLeaving(db(), appUrl());
      await dispatchEmails(outboxIds);
    },
  };
}
