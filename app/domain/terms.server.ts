// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./terms/addTermDate";
export * from "./terms/listTermDates";
export * from "./terms/removeTermDate";
