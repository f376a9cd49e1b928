// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./settings/getAuthoritySettings";
export * from "./settings/updateAuthoritySettings";
