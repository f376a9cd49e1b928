/** Statutory clocks: the verbs routes and jobs may call. */
export { escalateClocks } from "./clocks/escalateClocks";
export { listOfficerClocks } from "./clocks/listClocks";
