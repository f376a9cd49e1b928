// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./schools/addSchool";
export * from "./schools/getSchool";
export * from "./schools/listSchools";
