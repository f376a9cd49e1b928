import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listMailbox } from "~/domain/notifications.server";
import { db } from "~/server/db.server";
import { mailboxEnabled } from "~/server/env.server";
import { Table } from "~/ui/govuk/components";

export const handle = { title: "Development mailbox" };

export async function loader({ request }: LoaderFunctionArgs) {
  if (!mailboxEnabled()) throw new Response("Not found", { status: 404 });
  const to = new URL(request.url).searchParams.get("to");
  return json({ to, messages: await listMailbox(db(), to) });
}

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

export default function Mailbox() {
  const { to, messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Development mailbox</h1>
      <p className="govuk-body">Without a Resend API key, emails are delivered here instead of being sent. This page is never served in production.</p>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="to">
            Email address
          </label>
          <input className="govuk-input govuk-!-width-one-half" id="to" name="to" type="email" defaultValue={to ?? ""} spellCheck={false} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show messages
        </button>
      </Form>
      {messages.length ? (
        <Table
          label="Messages"
          head={["Received", "To", "Subject"]}
          rows={messages.map((m) => [
            time.format(new Date(m.createdAt)),
            m.to,
            <Link key={m.id} className="govuk-link" to={`/dev/mailbox/${m.id}`}>
              {m.subject}
            </Link>,
          ])}
        />
      ) : (
        <p className="govuk-body">No messages.</p>
      )}
    </>
  );
}
