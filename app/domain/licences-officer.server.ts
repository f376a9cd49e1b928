// Server-only entry point for the officer's side of performance licences (and the producer's reply to a request).
export * from "./licences/assignLicenceApplication";
export * from "./licences/getLicenceApplication";
export * from "./licences/grantPerformanceLicence";
export * from "./licences/grantProductionLicences";
export * from "./licences/listLicenceQueue";
export * from "./licences/listProductionForGrant";
export * from "./licences/officerLicenceFile";
export * from "./licences/refusePerformanceLicence";
export * from "./licences/replyToLicenceInformation";
export * from "./licences/requestLicenceInformation";
export * from "./licences/revokePerformanceLicence";
