import { defineClientAppType, redirectUris } from 'propusk/plugin'
import * as z from 'zod'

const hour = 3600

/**
 * R7 "equipment e-passport": opened by scanning an object's QR code, often on a shared or
 * borrowed phone, to view its passport. Read-only and occasional, so sessions are short-ish.
 */
export const equipmentPassportApp = defineClientAppType({
  id: 'equipment-passport',
  kind: 'client-app-type',
  name: 'Equipment e-passport',
  localized: {
    ru: {
      name: 'Электронный паспорт оборудования',
      description: 'Показывает паспорт объекта после сканирования его QR-кода.',
    },
  },
  description: 'Views an object’s passport after scanning its QR code.',
  clientKind: 'public',
  sessionPolicy: {
    accessTokenTtlSeconds: 10 * 60,
    refreshTokenAbsoluteTtlSeconds: 7 * 24 * hour,
    refreshTokenIdleTtlSeconds: 24 * hour,
  },
  defaultSignInMethods: ['sms-otp', 'email-otp', 'password'],
  isRedirectUriAllowed: redirectUris.isWebRedirectUri,
  settings: z.object({}),
})
