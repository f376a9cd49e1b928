export * from "./audit";
export * from "./authorities";
export * from "./identity";
export * from "./notifications";
export * from "./documents";
export * from "./chaperones";
export * from "./uploads";
export * from "./reminders";
