// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
// The parent's part of a performance licence application
export * from "./licences/confirmParentPart";
export * from "./licences/getParentPart";
export * from "./licences/getParentPartFile";
export * from "./licences/listParentApplications";
export * from "./licences/saveParentSection";
// The producer sends it (and the school is asked for its view)
export * from "./licences/submitLicenceApplication";
