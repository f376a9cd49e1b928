/** The annual report and the public service performance page: what routes may call. */
export { getAnnualReport, type AnnualReport } from "./reporting/getAnnualReport";
export { getServicePerformance, type ServicePerformance } from "./reporting/getServicePerformance";
export { reportAuthority } from "./reporting/scope";
