// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./children/acceptChildInvitation";
export * from "./children/addChild";
export * from "./children/changeChildDetails";
export * from "./children/createShareCode";
export * from "./children/describeChildInvitation";
export * from "./children/getChildFile";
export * from "./children/getMyChild";
export * from "./children/listMyChildren";
export * from "./children/listSchoolChoices";
export * from "./children/reportPerformanceDay";
export * from "./children/revokeChildShare";
export * from "./children/storeChildUploads";
