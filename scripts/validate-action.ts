/**
 * Validates action.yml, as it is, against scripts/action-schema.json: the metadata keys GitHub documents for a
 * JavaScript action, with today's runtimes (node24). Prints each problem with its path; exit 1 on any.
 */
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { parse } from 'yaml'

const schema = JSON.parse(readFileSync('scripts/action-schema.json', 'utf8')) as object
const action = parse(readFileSync('action.yml', 'utf8')) as unknown
const validate = new Ajv({ allErrors: true }).compile(schema)
if (!validate(action)) {
  for (const error of validate.errors ?? [])
    console.error(`action.yml${error.instancePath || '/'}: ${error.message}`)
  process.exit(1)
}
console.log('action.yml matches the action metadata schema')
