import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readMailboxMessage } from "~/domain/notifications.server";
import { db } from "~/server/db.server";
import { mailboxEnabled } from "~/server/env.server";
import { BackLink, SummaryList } from "~/ui/govuk/components";

export const handle = { title: (d: { message?: { subject: string } }) => d?.message?.subject ?? "Message" };

export async function loader({ params }: LoaderFunctionArgs) {
  if (!mailboxEnabled()) throw new Response("Not found", { status: 404 });
  const message = await readMailboxMessage(db(), params.id ?? "");
  if (!message) throw new Response("Not found", { status: 404 });
  return json({ message: { to: message.to, subject: message.subject, text: message.text, createdAt: message.createdAt } });
}

/** Shows the plain-text version with its links made clickable (the HTML version is not rendered, for CSP). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s)\]]+)/g);
  return (
    <div className="govuk-body app-email-text">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} className="govuk-link" href={part}>
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </div>
  );
}

export default function MailboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={`/dev/mailbox?to=${encodeURIComponent(message.to)}`}>Back to the mailbox</BackLink>
      <h1 className="govuk-heading-l">{message.subject}</h1>
      <SummaryList rows={[{ key: "To", value: message.to }]} />
      <Linkified text={message.text} />
    </>
  );
}
