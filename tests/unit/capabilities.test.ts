import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "#db/schema/identity";
import { publicActor, systemActor } from "~/domain/actor";
import { authorityScope, CAPABILITIES, type Capability, can, grantsFor, isStaff } from "~/domain/identity/capabilities";
import { actorFor } from "../factories";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const ORG_A = "00000000-0000-4000-8000-0000000000a1";
const ORG_B = "00000000-0000-4000-8000-0000000000b1";
const SCHOOL_A = "00000000-0000-4000-8000-0000000000a2";
const SCHOOL_B = "00000000-0000-4000-8000-0000000000b2";

/** Who may hold each capability, written out independently of CAPABILITIES (docs/permissions.md). */
const EXPECTED: Record<Capability, readonly Role[]> = {
  "account:manage": ROLES,
  "officer:use": ["officer"],
  "lado:use": ["lado"],
  "school:use": ["school"],
  "admin:use": ["admin"],
  "staff:invite": ["admin"],
  "authority-record:read": ["officer", "lado", "admin"],
  "audit:read": ["officer", "lado", "admin"],
  "report:read": ["officer", "admin"],
  "document:issue": ["officer"],
  "document:change-status": ["officer"],
  "document:download-any": ["officer"],
  "chaperone-application:decide": ["officer"],
  "chaperone-register:search": ["officer"],
  "bopa:decide": ["officer"],
  "performance-application:decide": ["officer"],
  "employment-permit:decide": ["officer"],
  "organisation:invite": ["producer", "employer"],
  "parent:use": ["parent"],
  "producer:use": ["producer"],
  "employer:use": ["employer"],
  "chaperone:use": ["chaperone"],
  "mailbox:read": [],
};

/** A signed-in person holding one role, attached the way the service attaches it. */
function personWith(role: Role, where: "A" | "B" = "A") {
  const staff = ["school", "officer", "lado", "admin"].includes(role);
  const org = role === "producer" || role === "employer";
  return actorFor({ id: `user-${role}-${where}`, name: role }, [
    {
      role,
      authorityId: staff ? (where === "A" ? A : B) : null,
      organisationId: org ? (where === "A" ? ORG_A : ORG_B) : null,
      schoolId: role === "school" ? (where === "A" ? SCHOOL_A : SCHOOL_B) : null,
    },
  ]);
}

describe("capabilities", () => {
  it("has an expected-holders entry for every capability", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(CAPABILITIES).sort());
  });

  describe.each(Object.keys(CAPABILITIES) as Capability[])("%s", (capability) => {
    const allowed = EXPECTED[capability];
    const denied = ROLES.filter((r) => !allowed.includes(r));

    if (allowed.length) {
      it.each(allowed)("may be used by %s", (role) => {
        expect(can(personWith(role), capability)).toBe(true);
      });
    }

    if (denied.length) {
      it.each(denied)("may not be used by %s", (role) => {
        expect(can(personWith(role), capability)).toBe(false);
        expect(grantsFor(personWith(role), capability)).toEqual([]);
      });
    }

    it("may not be used by the public or the system actor", () => {
      expect(can(publicActor("198.51.100.7"), capability)).toBe(false);
      expect(can(systemActor, capability)).toBe(false);
    });

    it("is denied to a signed-in person with no memberships unless any signed-in person may use it", () => {
      const bare = actorFor({ id: "user-bare", name: "Bare" }, []);
      expect(can(bare, capability)).toBe(CAPABILITIES[capability].roles === "any-signed-in");
    });
  });

  it("grants nobody the development-only mailbox, not even an admin holding every role", () => {
    const everything = actorFor(
      { id: "user-all" },
      ROLES.map((role) => ({ role, authorityId: A, organisationId: ORG_A, schoolId: SCHOOL_A })),
    );
    expect(can(everything, "mailbox:read")).toBe(false);
  });

  describe("authority scope", () => {
    const authorityCapabilities = (Object.keys(CAPABILITIES) as Capability[]).filter((c) => CAPABILITIES[c].scope === "authority");

    it.each(authorityCapabilities)("%s is limited to the holder's own authority", (capability) => {
      const role = EXPECTED[capability][0];
      const holder = personWith(role, "A");
      expect(can(holder, capability, { authorityId: A })).toBe(true);
      expect(can(holder, capability, { authorityId: B })).toBe(false);
      expect(can(holder, capability, { authorityId: null })).toBe(false);
    });

    it("an officer of authority A cannot use the officer area for authority B", () => {
      const officer = personWith("officer", "A");
      expect(can(officer, "officer:use", { authorityId: A })).toBe(true);
      expect(can(officer, "officer:use", { authorityId: B })).toBe(false);
    });

    it("an admin of B cannot invite staff for A", () => {
      expect(can(personWith("admin", "B"), "staff:invite", { authorityId: A })).toBe(false);
    });

    it("a person with roles in two authorities holds the capability in each, and only through the matching membership", () => {
      const both = actorFor({ id: "user-both" }, [
        { id: "m-a", role: "officer", authorityId: A },
        { id: "m-b", role: "lado", authorityId: B },
      ]);
      expect(can(both, "officer:use", { authorityId: A })).toBe(true);
      expect(can(both, "officer:use", { authorityId: B })).toBe(false);
      expect(can(both, "lado:use", { authorityId: B })).toBe(true);
      expect(grantsFor(both, "authority-record:read", { authorityId: B }).map((m) => m.id)).toEqual(["m-b"]);
    });
  });

  describe("organisation and school scope", () => {
    it("a producer may only act for their own organisation", () => {
      const producer = personWith("producer", "A");
      expect(can(producer, "producer:use", { organisationId: ORG_A })).toBe(true);
      expect(can(producer, "producer:use", { organisationId: ORG_B })).toBe(false);
      expect(can(producer, "organisation:invite", { organisationId: ORG_B })).toBe(false);
    });

    it("an employer may only act for their own organisation", () => {
      const employer = personWith("employer", "A");
      expect(can(employer, "employer:use", { organisationId: ORG_A })).toBe(true);
      expect(can(employer, "employer:use", { organisationId: ORG_B })).toBe(false);
    });

    it("a school contact may only act for their own school", () => {
      const school = personWith("school", "A");
      expect(can(school, "school:use", { schoolId: SCHOOL_A })).toBe(true);
      expect(can(school, "school:use", { schoolId: SCHOOL_B })).toBe(false);
    });
  });

  describe("authorityScope", () => {
    it("lists the distinct authorities where the actor holds the capability", () => {
      const actor = actorFor({ id: "user-multi" }, [
        { role: "officer", authorityId: A },
        { role: "admin", authorityId: A },
        { role: "admin", authorityId: B },
        { role: "parent" },
      ]);
      expect(authorityScope(actor, "authority-record:read").sort()).toEqual([A, B].sort());
      expect(authorityScope(actor, "officer:use")).toEqual([A]);
      expect(authorityScope(actor, "staff:invite").sort()).toEqual([A, B].sort());
      expect(authorityScope(actor, "lado:use")).toEqual([]);
    });

    it("is empty for people without authority roles and for the public", () => {
      expect(authorityScope(personWith("parent"), "authority-record:read")).toEqual([]);
      expect(authorityScope(personWith("producer"), "audit:read")).toEqual([]);
      expect(authorityScope(publicActor(null), "authority-record:read")).toEqual([]);
    });
  });

  it("isStaff is true only for school, officer, LADO and admin memberships", () => {
    for (const role of ROLES) {
      expect(isStaff(personWith(role))).toBe(["school", "officer", "lado", "admin"].includes(role));
    }
  });
});

describe("a target naming another kind of scope grants nothing", () => {
  it("a school contact's school:use is not granted by an authority target", () => {
    const contact = personWith("school");
    expect(can(contact, "school:use")).toBe(true);
    expect(can(contact, "school:use", { authorityId: contact.memberships[0].authorityId })).toBe(false);
  });
  it("an officer's officer:use is not granted by an organisation target", () => {
    expect(can(personWith("officer"), "officer:use", { organisationId: "org-A" })).toBe(false);
  });
});
