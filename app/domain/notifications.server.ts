// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./notifications/deliverEmail";
export * from "./notifications/dispatchEmails";
export * from "./notifications/queueEmail";
export * from "./notifications/readMailbox";
