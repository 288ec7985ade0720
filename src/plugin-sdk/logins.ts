/** Logins and names as the core reads them (`logins`): normalised phones and e-mails. */
export {
  normalizeEmail,
  normalizePhone,
  parseLogin,
  type EmailResult,
  type ParsedLogin,
  type PhoneResult,
} from '../core/identity/normalize.ts'
export { displayNameSchema } from '../core/identity/display-name.ts'
