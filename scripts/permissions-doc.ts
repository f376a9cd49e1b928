/** Writes docs/permissions.md from the capabilities table (`npm run docs:permissions`); a unit test checks it is current. */
import { writeFileSync } from "node:fs";
import { CAPABILITIES } from "../app/domain/identity/capabilities";

export function permissionsMarkdown() {
  const rows = Object.entries(CAPABILITIES).map(([name, rule]) => {
    const roles = Array.isArray(rule.roles) ? rule.roles.join(", ") : rule.roles;
    return `| \`${name}\` | ${roles} | ${rule.scope} |`;
  });
  return `# Who can do what

Generated from \`app/domain/identity/capabilities.ts\` by \`npm run docs:permissions\`; a test fails when it is stale.

Scope says which records a grant covers: **authority** — only that council's records (a role held at
Northmere gives nothing at Eastbrook); **organisation** — only that company's; **school** — only that
school's; **self** — only the person's own. A record outside the actor's scope is answered as
"Page not found" (404), so its existence is not revealed; a page for a role the person does not hold
is "You do not have permission to see this page" (403).

| capability | roles | scope |
|---|---|---|
${rows.join("\n")}

Public roles (parent, producer, employer, chaperone) are chosen by the person at registration.
Staff roles (school, officer, lado, admin) are given only by an invitation from an authority admin.
Producers and employers invite colleagues to their own organisation.
\`mailbox:read\` is nobody's: \`/dev/mailbox\` exists only outside production (APP_ENV=local).
`;
}

if (process.argv[1]?.endsWith("permissions-doc.ts")) {
  writeFileSync("docs/permissions.md", permissionsMarkdown());
  console.log("docs/permissions.md written");
}
