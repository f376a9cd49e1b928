// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
// Producer side
export * from "./bopa/getMyBopaApplication";
export * from "./bopa/listHostCouncils";
export * from "./bopa/listMyBopaApplications";
export * from "./bopa/ownBopaUploads";
export * from "./bopa/submitBopaApplication";
// Officer side
export * from "./bopa/getBopaApplication";
export * from "./bopa/getBopaUpload";
export * from "./bopa/grantBopaApplication";
export * from "./bopa/listBopaQueue";
export * from "./bopa/refuseBopaApplication";
export * from "./bopa/revokeBopaApproval";
// Public and for other areas
export * from "./bopa/findCoveringBopa";
export * from "./bopa/listBopaRegister";
