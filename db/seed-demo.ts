import type { Db } from "../app/server/db.server";
import { createAuthority, createOrganisation, createSchool, createUser } from "./factories";
import type { Role } from "./schema/identity";

export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_ACCOUNTS: { role: Role; email: string; name: string }[] = [
  { role: "parent", email: "parent@demo.example", name: "Priya Parent" },
  { role: "producer", email: "producer@demo.example", name: "Pete Producer" },
  { role: "employer", email: "employer@demo.example", name: "Erin Employer" },
  { role: "chaperone", email: "chaperone@demo.example", name: "Charlie Chaperone" },
  { role: "school", email: "school@demo.example", name: "Sam School" },
  { role: "officer", email: "officer@demo.example", name: "Olive Officer" },
  { role: "lado", email: "lado@demo.example", name: "Lee LADO" },
  { role: "admin", email: "admin@demo.example", name: "Ada Admin" },
];

/** Two neighbouring councils, their schools, a production company, an employer and one account per role. */
export async function seedDemo(db: Db) {
  const northmere = await createAuthority(db, {
    code: "NMC",
    name: "Northmere Council",
    postcodeDistricts: ["NM1", "NM2", "NM3", "NM4", "NM5"],
  });
  const eastbrook = await createAuthority(db, {
    code: "EBC",
    name: "Eastbrook City Council",
    postcodeDistricts: ["EB1", "EB2", "EB3", "EB4"],
  });
  const northmereSchools = [];
  for (const [name, urn, postcode] of [
    ["Northmere Primary School", "900001", "NM1 2AB"],
    ["St Anne's Church of England Primary School", "900002", "NM2 4CD"],
    ["Northmere Academy", "900003", "NM3 6EF"],
  ]) {
    northmereSchools.push(await createSchool(db, { authorityId: northmere.id, name, urn, postcode }));
  }
  for (const [name, urn, postcode] of [
    ["Eastbrook Junior School", "900101", "EB1 1AA"],
    ["Riverside High School", "900102", "EB2 3BB"],
    ["Eastbrook Performing Arts College", "900103", "EB3 5CC"],
  ]) {
    await createSchool(db, { authorityId: eastbrook.id, name, urn, postcode });
  }
  const company = await createOrganisation(db, { kind: "producer", name: "Footlights Productions Ltd" });
  const employer = await createOrganisation(db, { kind: "employer", name: "Corner Newsagents Ltd" });

  const scope: Record<Role, object> = {
    parent: {},
    chaperone: {},
    producer: { organisationId: company.id },
    employer: { organisationId: employer.id },
    school: { authorityId: northmere.id, schoolId: northmereSchools[0].id },
    officer: { authorityId: northmere.id },
    lado: { authorityId: northmere.id },
    admin: { authorityId: northmere.id },
  };
  for (const account of DEMO_ACCOUNTS) {
    await createUser(db, { ...account, password: DEMO_PASSWORD, memberships: [{ role: account.role, ...scope[account.role] }] });
  }
  // A colleague at each organisation, and an officer and admin at the neighbouring council.
  await createUser(db, { email: "producer2@demo.example", name: "Pat Stage-Manager", password: DEMO_PASSWORD, memberships: [{ role: "producer", organisationId: company.id }] });
  await createUser(db, { email: "employer2@demo.example", name: "Eddie Shift-Lead", password: DEMO_PASSWORD, memberships: [{ role: "employer", organisationId: employer.id }] });
  await createUser(db, { email: "officer@eastbrook.example", name: "Omar Officer", password: DEMO_PASSWORD, memberships: [{ role: "officer", authorityId: eastbrook.id }] });
  await createUser(db, { email: "admin@eastbrook.example", name: "Alex Admin", password: DEMO_PASSWORD, memberships: [{ role: "admin", authorityId: eastbrook.id }] });
  return { northmere, eastbrook, company, employer };
}
