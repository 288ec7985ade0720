/** The identity module's public surface: people, apps, roles, audit and their stores. */
export { createAppRegistry } from './app-registry.ts'
export { createAuditLog } from './audit-log.ts'
export { DISPLAY_NAME_MAX, displayNameSchema, hasControlCharacters } from './display-name.ts'
export { recipientLocale, type MessageLocale } from './locale.ts'
export {
  emailProblem,
  loginProblemCode,
  normalizeEmail,
  normalizePhone,
  parseLogin,
  phoneProblem,
  type EmailResult,
  type ParsedLogin,
  type PhoneLineType,
  type PhoneResult,
} from './model/normalize.ts'
export { phoneForDisplay } from './phone-display.ts'
export { phoneMetadataJson } from './model/phone-metadata.gen.ts'
export {
  type ActionContext,
  type AppRegistry,
  type AuditLog,
  type IdentityServices,
  type InvitationService,
  type InvitationState,
  type PasswordResetService,
  type Principal,
  type SessionService,
  type SignInRequest,
  type UserDirectory,
} from './services.ts'
export { appCountsByType, appNames } from './store/app-lookups.ts'
export { appPolicySchema, clientAppTypes } from './store/app-rules.ts'
export { toApp } from './store/apps.ts'
export { auditNames } from './store/audit-names.ts'
export { actorEntry, auditStatement, auditStatementWhere, type Actor } from './store/audit.ts'
export { type CodeSendLookup } from './store/code-send-lookup.ts'
export { identityError, identityErrorCodes, invalidFields, notFound } from './store/errors.ts'
export { createForwardingRepository, type ForwardingRule } from './store/forwarding.ts'
export { createIdentityRepositories, type IdentityRepositories } from './store/index.ts'
export { allPermissions } from './store/roles.ts'
export {
  peopleByStatus,
  recentSignIns,
  refusedSignInsPerDay,
  signInsByAppPerDay,
  signInsPerDay,
} from './store/sign-in-stats.ts'
export { mapUserWriteError, type NewUser } from './store/users.ts'
export {
  type App,
  type AuditEntry,
  type Permission,
  type Role,
  type Session,
  type TokenSet,
  type User,
  type UserKind,
  type UserStatus,
} from './model/types.ts'
export { createUserDirectory } from './user-directory.ts'
