/** Logins and names as the core reads them (`logins`): normalised phones and e-mails. */
export {
  normalizeEmail,
  normalizePhone,
  parseLogin,
  type EmailResult,
  type ParsedLogin,
  type PhoneResult,
} from '../modules/identity/index.ts'
export { displayNameSchema } from '../modules/identity/index.ts'
