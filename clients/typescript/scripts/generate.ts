/**
 * `npm run client:generate`: writes src/generated.ts from the document the server would serve.
 * `generatedSource()` is also what test/generated.test.ts compares the committed file with.
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { emitTypes } from './emit-types.ts'
import { openApiDocument } from './openapi-document.ts'

export const generatedFile = fileURLToPath(new URL('../src/generated.ts', import.meta.url))

/** The generated module, formatted by the repository's Prettier settings. */
export async function generatedSource(): Promise<string> {
  const text = emitTypes(await openApiDocument())
  const options = await resolveConfig(generatedFile)
  return format(text, { ...options, filepath: generatedFile })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(generatedFile, await generatedSource())
  console.log(`wrote ${generatedFile}`)
}
