/**
 * Password hashing and rules (`passwords`), shared by every method that sets or checks a
 * password, so hashes and rules stay one scheme.
 */
export {
  assertPasswordPolicy,
  burnPasswordCheck,
  checkPasswordPolicy,
  loginLockoutSubject,
  passwordHasher,
  readPasswordHash,
  setPasswordHashStatement,
  type PasswordHasher,
} from '../modules/passwords/index.ts'
