import { describe, expect, it } from "vitest";
import { type Answers, incompleteSections, sectionStatuses } from "~/domain/chaperones/sections";

const TODAY = "2026-11-23";

const empty: Answers = {
  firstName: null,
  lastName: null,
  dateOfBirth: null,
  phone: null,
  addressLine1: null,
  town: null,
  postcode: null,
  authorityId: null,
  photoUploadId: null,
  identityUploadIds: [],
  identityDocumentTypes: [],
  dbsCertificateNumber: null,
  dbsIssueDate: null,
  dbsOnUpdateService: null,
  dbsConsentToStatusCheck: null,
  trainingDate: null,
  trainingProvider: null,
  hasConvictions: null,
  convictionDetails: null,
  hasOtherCouncilDecisions: null,
  otherCouncilDetails: null,
  declarationConfirmed: null,
  referees: [],
  applicantEmail: "casey@example.com",
};

const complete: Answers = {
  ...empty,
  firstName: "Casey",
  lastName: "Chaperone",
  dateOfBirth: "1990-05-17",
  phone: "07700 900982",
  addressLine1: "1 High Street",
  town: "Northmere",
  postcode: "NM1 2AB",
  authorityId: "a",
  photoUploadId: "p",
  identityUploadIds: ["i"],
  identityDocumentTypes: ["passport", "utility-bill", "bank-statement"],
  dbsCertificateNumber: "001234567890",
  dbsIssueDate: "2026-10-01",
  dbsOnUpdateService: false,
  trainingDate: "2026-09-01",
  trainingProvider: "Northmere Council",
  hasConvictions: false,
  hasOtherCouncilDecisions: false,
  declarationConfirmed: true,
  referees: [
    { name: "Rita", email: "rita@example.com" },
    { name: "Ravi", email: "ravi@example.com" },
  ],
};

describe("sectionStatuses", () => {
  it("starts with every section not started and the check waiting", () => {
    expect(sectionStatuses(empty, TODAY)).toEqual({
      "personal-details": "Not yet started",
      address: "Not yet started",
      photo: "Not yet started",
      identity: "Not yet started",
      dbs: "Not yet started",
      referees: "Not yet started",
      training: "Not yet started",
      declarations: "Not yet started",
      check: "Cannot start yet",
    });
  });

  it("lets the check start once every section is complete", () => {
    const statuses = sectionStatuses(complete, TODAY);
    expect(Object.values(statuses).filter((s) => s !== "Completed")).toEqual(["Not yet started"]);
    expect(incompleteSections(complete, TODAY)).toEqual({});
  });

  it("shows sections part done, or no longer valid, as in progress with the reason", () => {
    const partial: Answers = {
      ...complete,
      phone: null,
      authorityId: null,
      identityDocumentTypes: ["passport"],
      hasConvictions: true,
      convictionDetails: null,
      referees: [complete.referees[0], { name: "Rita again", email: "RITA@example.com" }],
    };
    const statuses = sectionStatuses(partial, TODAY);
    expect(statuses).toMatchObject({
      "personal-details": "In progress",
      address: "In progress",
      identity: "In progress",
      referees: "In progress",
      declarations: "In progress",
      dbs: "Completed",
      check: "Cannot start yet",
    });
    // The DBS certificate ages out while the draft waits.
    expect(sectionStatuses(complete, "2027-02-01").dbs).toBe("In progress");
    expect(incompleteSections(partial, "2027-02-01")).toEqual({
      "personal-details": "Complete your personal details",
      address: "Add your address",
      identity: "Choose the identity documents you will bring and upload a scan of one",
      dbs: "Your DBS certificate must have been issued in the last 3 months, unless it is on the DBS Update Service",
      referees: "Your 2 referees must have different email addresses",
      declarations: "Complete the declarations",
    });
  });

  it("treats a DBS certificate on the Update Service as current only with consent", () => {
    const old = { ...complete, dbsIssueDate: "2020-01-01", dbsOnUpdateService: true };
    expect(sectionStatuses({ ...old, dbsConsentToStatusCheck: false }, TODAY).dbs).toBe("In progress");
    expect(sectionStatuses({ ...old, dbsConsentToStatusCheck: true }, TODAY).dbs).toBe("Completed");
  });
});
