/**
 * Rewrites src/modules/identity/model/phone-metadata.json from the installed libphonenumber-js
 * (after an upgrade; phone-metadata.test.ts says when):
 * `npx tsx src/runtime/node/phone-metadata-cli.ts`.
 */
import { writeFileSync } from 'node:fs'
import { phoneMetadataJson } from '../../modules/identity/index.ts'

writeFileSync(
  new URL('../../modules/identity/model/phone-metadata.json', import.meta.url),
  phoneMetadataJson(),
)
