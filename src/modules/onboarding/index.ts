/** The onboarding module's public surface: other modules and the API import only this file. */
export { accountError, accountErrorCodes } from './errors.ts'
export type { LinkSendDeps, OnboardingDeps } from './deps.ts'
export { createInvitationLink } from './invitation-link.ts'
export { acceptInvitation, createInvitationService, findOpenInvitation } from './invitations.ts'
export { accountPages } from './messages.ts'
export { activateInvitedWithPassword } from './store.ts'
export {
  completePasswordReset,
  createPasswordResetService,
  findResetUser,
  sendPasswordReset,
} from './password-resets.ts'
