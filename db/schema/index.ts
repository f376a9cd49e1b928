export * from "./audit";
export * from "./authorities";
export * from "./identity";
export * from "./notifications";
export * from "./documents";
