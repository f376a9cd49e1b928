import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

export const handle = { title: "Check your email" };

export function loader({ request }: LoaderFunctionArgs) {
  return json({ email: new URL(request.url).searchParams.get("email")?.slice(0, 254) ?? null });
}

export default function ResetSent() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">
          If {email ? <strong>{email}</strong> : "that email address"} has an account, we have sent it a link to reset the password. The link works once, for 1 hour.
        </p>
        <p className="govuk-body">
          If the email has not arrived, check your spam or junk folder, or{" "}
          <Link className="govuk-link" to="/forgot-password">
            ask for another link
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
