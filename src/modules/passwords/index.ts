/** Password hashing, rules and lockouts, for the core and (through propusk/plugin) plugins. */
export {
  PASSWORD_HASH_PARAMS,
  PASSWORD_HASH_SCHEME,
  PBKDF2_MAX_ITERATIONS,
  burnPasswordCheck,
  hashPassword,
  measurePasswordHashing,
  normalizePassword,
  parsePasswordHash,
  verifyPassword,
  type PasswordHashOptions,
  type PasswordVerification,
} from './hash.ts'
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  assertPasswordPolicy,
  checkPasswordPolicy,
  passwordPolicyErrorCodes,
  type PasswordOwner,
  type PasswordPolicyCode,
  type PasswordPolicyResult,
} from './policy.ts'
export {
  clearAccountLockout,
  createLockout,
  loginLockoutSubject,
  type Lockout,
  type LockoutPolicy,
  type Reservation,
} from './lockout.ts'
export {
  passwordHasher,
  readPasswordHash,
  setPasswordHashStatement,
  type PasswordHasher,
} from './store.ts'
export { type PluginAttempts } from './lockout.ts'
