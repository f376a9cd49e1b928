import { Table } from "~/ui/govuk/components";

export const handle = { title: "Cookies" };

export default function Cookies() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Cookies</h1>
        <p className="govuk-body">Cookies are small files saved on your phone, tablet or computer when you visit a website.</p>
        <p className="govuk-body">
          This service only uses cookies that are essential to make it work. We do not use analytics or advertising cookies, so we do not ask for your consent.
        </p>
        <h2 className="govuk-heading-m">Essential cookies</h2>
        <Table
          label="Essential cookies"
          head={["Name", "Purpose", "Expires"]}
          rows={[
            ["clp_session", "Keeps you signed in. It holds a random identifier, not your details", "When you close your browser, or after a period of inactivity (30 minutes for council staff)"],
            ["clp_csrf", "Protects your forms from being submitted by other websites", "When you close your browser"],
          ]}
        />
      </div>
    </div>
  );
}
