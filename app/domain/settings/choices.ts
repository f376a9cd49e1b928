import { BOPA_RULES } from "../bopa/rules";

/** How long a council may make its chaperone approvals last (years). */
export const CHAPERONE_YEARS_CHOICES = [1, 2, 3] as const;

/** The longest period a council lets a body of persons approval cover (months, BOPA-PERIOD). */
export const BOPA_MONTHS_CHOICES = BOPA_RULES["BOPA-PERIOD"].choices;

/** How many working days a school has to answer a consultation (SCHOOL-DEADLINE). */
export const SCHOOL_WORKING_DAYS_CHOICES = [3, 5, 10] as const;

/** The latest time a council's byelaws may allow children to work, from the law's 19:00 down (EMPLOY-LATEST). */
export const EMPLOYMENT_LATEST_CHOICES = ["19:00", "18:30", "18:00"] as const;
