/** Account rules in one place. */
export const ACCOUNT_RULES = {
  passwordMinLength: 10,
  passwordMaxLength: 256,
  confirmEmailHours: 24,
  resetPasswordMinutes: 60,
  invitationDays: 7,
  throttle: {
    windowMinutes: 15,
    maxFailuresPerAccount: 5,
    maxFailuresPerAddress: 20,
  },
} as const;
