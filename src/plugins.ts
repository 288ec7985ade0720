/** The plugins this build of Propusk loads, in order. Add your own here. */
import type { Plugin } from './core/index.ts'
import { apiOnly } from '../plugins/api-only/index.ts'
import { adminConsoleApp } from '../plugins/app-admin-console/index.ts'
import { customerMobileApp } from '../plugins/app-customer-mobile/index.ts'
import { engineerMobileApp } from '../plugins/app-engineer-mobile/index.ts'
import { equipmentPassportApp } from '../plugins/app-equipment-passport/index.ts'
import { webApp } from '../plugins/app-web/index.ts'
import { consoleDelivery } from '../plugins/console-delivery/index.ts'
import { resendEmail } from '../plugins/resend-email/index.ts'
import { setupLink } from '../plugins/setup-link/index.ts'
import { sinchFlashCall } from '../plugins/sinch-flashcall/index.ts'
import { smsRuCall } from '../plugins/smsru-call/index.ts'
import { password } from '../plugins/password/index.ts'
import { twilioSms } from '../plugins/twilio-sms/index.ts'
import { webhookDelivery } from '../plugins/webhook-delivery/index.ts'
import { smsOtp } from '../plugins/sms-otp/index.ts'
import { flashCall } from '../plugins/flash-call/index.ts'
import { emailOtp } from '../plugins/email-otp/index.ts'
import { totp } from '../plugins/totp/index.ts'

export const plugins: Plugin[] = [
  consoleDelivery,
  setupLink,
  // Sign-in methods
  password,
  smsOtp,
  flashCall,
  emailOtp,
  totp,
  // Client app types (R7)
  webApp,
  adminConsoleApp,
  apiOnly,
  customerMobileApp,
  engineerMobileApp,
  equipmentPassportApp,
  // Delivery providers (D4)
  twilioSms,
  resendEmail,
  smsRuCall,
  sinchFlashCall,
  webhookDelivery,
]
