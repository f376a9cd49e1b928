// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
// Applicant side
export * from "./chaperones/getMyChaperoneApplication";
export * from "./chaperones/getReferenceRequest";
export * from "./chaperones/saveApplicationSection";
export * from "./chaperones/startChaperoneApplication";
export * from "./chaperones/startChaperoneRenewal";
export * from "./chaperones/getMyChaperoneApproval";
export * from "./chaperones/reportChaperoneChange";
export * from "./chaperones/submitChaperoneApplication";
export * from "./chaperones/submitReference";
export { findAuthorityForPostcode, listAuthorities } from "./authorities/findAuthorityForPostcode";
// Officer side
export * from "./chaperones/getChaperoneApplication";
export * from "./chaperones/getChaperoneApplicationPhoto";
export * from "./chaperones/grantChaperoneLicence";
export * from "./chaperones/judgeReference";
export * from "./chaperones/listChaperoneQueue";
export * from "./chaperones/recordChaperoneCheck";
export * from "./chaperones/refuseChaperoneApplication";
export * from "./chaperones/requestChaperoneInformation";
export * from "./chaperones/searchChaperoneRegister";
export * from "./chaperones/acknowledgeChangeReport";
export * from "./chaperones/changeReportsForOfficer";
