import { BOPA_RULES } from "../bopa/rules";

/** How long a council may make its chaperone approvals last (years). */
export const CHAPERONE_YEARS_CHOICES = [1, 2, 3] as const;

/** The longest period a council lets a body of persons approval cover (months, BOPA-PERIOD). */
export const BOPA_MONTHS_CHOICES = BOPA_RULES["BOPA-PERIOD"].choices;

/** How many working days a school has to answer a consultation (SCHOOL-DEADLINE). */
export const SCHOOL_WORKING_DAYS_CHOICES = [3, 5, 10] as const;
