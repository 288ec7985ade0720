/** The plugins this build of Propusk loads, in order. Add your own here. */
import type { Plugin } from './kernel/plugin.ts'
import { apiOnly } from '../plugins/app-types/api-only/index.ts'
import { adminConsoleApp } from '../plugins/app-types/admin-console/index.ts'
import { customerMobileApp } from '../plugins/app-types/customer-mobile/index.ts'
import { engineerMobileApp } from '../plugins/app-types/engineer-mobile/index.ts'
import { equipmentPassportApp } from '../plugins/app-types/equipment-passport/index.ts'
import { webApp } from '../plugins/app-types/web/index.ts'
import { consoleDelivery } from '../plugins/delivery/console/index.ts'
import { resendEmail } from '../plugins/delivery/resend-email/index.ts'
import { setupLink } from '../plugins/sign-in/setup-link/index.ts'
import { sinchFlashCall } from '../plugins/delivery/sinch-flashcall/index.ts'
import { smsRuCall } from '../plugins/delivery/smsru-call/index.ts'
import { password } from '../plugins/sign-in/password/index.ts'
import { twilioSms } from '../plugins/delivery/twilio-sms/index.ts'
import { webhookDelivery } from '../plugins/delivery/webhook/index.ts'
import { smsOtp } from '../plugins/sign-in/sms-otp/index.ts'
import { flashCall } from '../plugins/sign-in/flash-call/index.ts'
import { emailOtp } from '../plugins/sign-in/email-otp/index.ts'
import { totp } from '../plugins/sign-in/totp/index.ts'

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
