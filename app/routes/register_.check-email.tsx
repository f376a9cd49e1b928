import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

export const handle = { title: "Check your email" };

export function loader({ request }: LoaderFunctionArgs) {
  const email = new URL(request.url).searchParams.get("email")?.slice(0, 254) ?? null;
  return json({ email });
}

export default function CheckEmail() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">
          We have sent a link to {email ? <strong>{email}</strong> : "your email address"} to confirm it. The link works for 24 hours.
        </p>
        <p className="govuk-body">Open the link to finish creating your account.</p>
        <h2 className="govuk-heading-m">If the email has not arrived</h2>
        <p className="govuk-body">
          Check your spam or junk folder. If it is not there,{" "}
          <Link className="govuk-link" to="/sign-in">
            sign in
          </Link>{" "}
          and we will send you a new link.
        </p>
      </div>
    </div>
  );
}
