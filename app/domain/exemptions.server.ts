// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./exemptions/listChildPerformanceDays";
export * from "./exemptions/listExemptPerformances";
export * from "./exemptions/recordExemptPerformances";
export * from "./exemptions/getExemptRecordingForm";
