/** How long a council may make its chaperone approvals last (years). */
export const CHAPERONE_YEARS_CHOICES = [1, 2, 3] as const;
