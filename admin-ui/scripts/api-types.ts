/**
 * `npx tsx admin-ui/scripts/api-types.ts`: writes admin-ui/src/api/generated.ts, the types of
 * every call the console makes, from the document the server serves, with the client package's
 * own emitter (clients/typescript). test/console-api-types.test.ts fails when they disagree, so
 * the console's view of the API cannot drift from it.
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { emitTypes } from '../../clients/typescript/scripts/emit-types.ts'
import { openApiDocument } from '../../clients/typescript/scripts/openapi-document.ts'

/** Every operation the console calls. A new call: add it here and regenerate. */
export const consoleOperations = [
  'consoleSignIn',
  'consoleSignInWithCode',
  'consoleRefresh',
  'consoleLogout',
  'adminListUsers',
  'adminGetUser',
  'adminCreateUser',
  'adminUpdateUser',
  'adminDeleteUser',
  'adminBlockUser',
  'adminUnblockUser',
  'adminGetUserAccess',
  'adminResendInvitation',
  'adminRevokeInvitation',
  'adminCreateInvitationLink',
  'adminSendPasswordReset',
  'adminListUserSessions',
  'adminEndAllUserSessions',
  'adminEndUserSession',
  'adminBulkUserAction',
  'adminImportUsers',
  'adminListRoles',
  'adminGetRole',
  'adminCreateRole',
  'adminUpdateRole',
  'adminDeleteRole',
  'adminListApps',
  'adminGetApp',
  'adminCreateApp',
  'adminUpdateApp',
  'adminDeleteApp',
  'adminRotateAppSecret',
  'adminListSmsForwardingRules',
  'adminCreateSmsForwardingRule',
  'adminUpdateSmsForwardingRule',
  'adminDeleteSmsForwardingRule',
  'adminListAuditEntries',
  'adminListDeliveries',
  'adminGetDashboard',
  'adminListAppTypes',
  'adminGetPluginSettings',
  'adminUpdatePluginSettings',
  'adminDeliveryChannels',
  'adminDeliveryTest',
  'listPlugins',
  'consoleDeliveryListOutbox',
] as const

export const consoleTypesFile = fileURLToPath(new URL('../src/api/generated.ts', import.meta.url))

/** The generated module, formatted by the repository's Prettier settings. */
export async function consoleTypesSource(): Promise<string> {
  const text = emitTypes(await openApiDocument(), consoleOperations).replace(
    /^(\/\/.*\n){2}/,
    '// Generated from /openapi.json by `npx tsx admin-ui/scripts/api-types.ts`: do not edit.\n' +
      '// test/console-api-types.test.ts fails when this file and the document disagree.\n',
  )
  const options = await resolveConfig(consoleTypesFile)
  return format(text, { ...options, filepath: consoleTypesFile })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(consoleTypesFile, await consoleTypesSource())
  console.log(`wrote ${consoleTypesFile}`)
}
