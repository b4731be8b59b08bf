#!/usr/bin/env node
/**
 * AWS's own models of the operations the emulator serves, as a contract its answers are tested against
 * (__tests__/contract/). The source is the AWS SDK for JavaScript v3 clients this project installs: each is
 * generated from AWS's Smithy model of the service, and carries it as schemas (structures, members and their
 * types, required members, HTTP bindings, error types with their status codes and awsQuery codes, event-stream
 * unions with their modeled exceptions), enums (models/enums), and each operation's errors (the commands' @throws).
 * The Smithy JSON on GitHub is not something CI can install (only the npm registry is reached), and the SDK drops
 * Smithy's validation traits (length, range, pattern), so those are the one part of the models not checked.
 *
 *   node scripts/aws-contract.mjs           write __tests__/contract/aws-operations.json from the installed SDK
 *   node scripts/aws-contract.mjs --check   exit 1 when the file is not what the installed SDK gives (stale)
 *
 * The file records each client's package, version and lockfile integrity: a change of SDK release shows as a diff.
 */
import console from 'node:console'
import { readFileSync, writeFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const { NormalizedSchema } = require('@smithy/core/schema')
const OUT = join(root, '__tests__/contract/aws-operations.json')

/** The services the emulator speaks for, their protocol, and the operations it serves. */
const SERVICES = {
  sts: {
    package: '@aws-sdk/client-sts',
    protocol: 'awsQuery',
    operations: ['GetCallerIdentity', 'AssumeRoleWithWebIdentity']
  },
  'service-quotas': {
    package: '@aws-sdk/client-service-quotas',
    protocol: 'awsJson1_1',
    operations: ['ListServiceQuotas', 'ListAWSDefaultServiceQuotas']
  },
  bedrock: {
    package: '@aws-sdk/client-bedrock',
    protocol: 'restJson1',
    operations: [
      'GetFoundationModelAvailability',
      'ListFoundationModels',
      'GetFoundationModel',
      'ListInferenceProfiles',
      'GetInferenceProfile',
      'ListFoundationModelAgreementOffers',
      'CreateFoundationModelAgreement',
      'GetUseCaseForModelAccess',
      'PutUseCaseForModelAccess'
    ]
  },
  'bedrock-runtime': {
    package: '@aws-sdk/client-bedrock-runtime',
    protocol: 'restJson1',
    operations: ['Converse', 'ConverseStream', 'InvokeModel', 'InvokeModelWithResponseStream']
  }
}

function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`))
}

/** Each structure member's TypeScript type name, from the client's models/*.d.ts: how enums are linked. */
function memberTypesOf(dir) {
  const types = new Map()
  const models = join(dir, 'dist-types/models')
  for (const file of readdirSync(models).filter(f => f.endsWith('.d.ts'))) {
    const text = readFileSync(join(models, file), 'utf8')
    for (const block of text.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
      for (const member of block[2].matchAll(/^ {4}(\w+)\??: ([\w]+)(\[\])? \| undefined;/gm))
        types.set(`${block[1]}.${member[1]}`, member[2])
    }
  }
  return types
}

/** Each operation's errors, from its command's documentation (@throws), as the SDK generates it. */
function errorsOf(dir, operation) {
  const text = readFileSync(join(dir, `dist-types/commands/${operation}Command.d.ts`), 'utf8')
  return [...text.matchAll(/@throws \{@link (\w+)\}/g)]
    .map(match => match[1])
    .filter(name => !name.endsWith('ServiceException'))
}

function simpleType(schema) {
  if (schema.isStreaming() && schema.isBlobSchema()) return 'streaming-blob'
  if (schema.isBlobSchema()) return 'blob'
  if (schema.isBooleanSchema()) return 'boolean'
  if (schema.isTimestampSchema()) return 'timestamp'
  if (schema.isDocumentSchema()) return 'document'
  if (schema.isBigIntegerSchema() || schema.isBigDecimalSchema() || schema.isNumericSchema()) return 'number'
  if (schema.isStringSchema()) return 'string'
  return undefined
}

function extract() {
  const contract = { source: {}, operations: {}, shapes: {} }
  for (const [service, spec] of Object.entries(SERVICES)) {
    const dir = packageDir(spec.package)
    const sdk = require(spec.package)
    const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
    const locked = lock.packages?.[`node_modules/${spec.package}`]
    contract.source[service] = {
      package: spec.package,
      version,
      ...(locked?.integrity ? { integrity: locked.integrity } : {}),
      protocol: spec.protocol
    }
    const memberTypes = memberTypesOf(dir)
    const enumOf = typeName => {
      const value = typeName ? sdk[typeName] : undefined
      if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
      const values = Object.values(value)
      return values.length > 0 && values.every(v => typeof v === 'string') ? values.sort() : undefined
    }
    const key = name => `${service}#${name}`

    const describe = (schema, owner, member) => {
      const simple = simpleType(schema)
      if (simple) {
        const values =
          simple === 'string' && owner ? enumOf(memberTypes.get(`${owner}.${member}`)) : undefined
        return values ? { type: 'string', enum: values } : { type: simple }
      }
      if (schema.isListSchema()) {
        const value = schema.getValueSchema()
        const item = simpleType(value)
        const values = item === 'string' && owner ? enumOf(memberTypes.get(`${owner}.${member}`)) : undefined
        return {
          type: 'list',
          member: item ? { type: item, ...(values ? { enum: values } : {}) } : describe(value)
        }
      }
      if (schema.isMapSchema()) return { type: 'map', value: describe(schema.getValueSchema()) }
      if (schema.isUnitSchema()) return { type: 'unit' }
      return ref(schema)
    }
    const ref = schema => {
      const name = schema.getName()
      const id = key(name)
      if (!contract.shapes[id]) {
        contract.shapes[id] = {} // claimed before its members, for recursive shapes
        const raw = schema.getSchema()
        const traits = schema.getMergedTraits()
        const members = {}
        const required = Array.isArray(raw) && typeof raw[6] === 'number' ? raw[6] : 0
        let index = 0
        for (const [memberName, memberSchema] of schema.structIterator()) {
          const memberTraits = memberSchema.getMemberTraits()
          members[memberName] = {
            ...describe(memberSchema, name, memberName),
            ...(index++ < required ? { required: true } : {}),
            ...(memberTraits.httpHeader ? { header: memberTraits.httpHeader } : {}),
            ...(memberTraits.httpPayload ? { payload: true } : {}),
            ...(memberTraits.httpResponseCode ? { statusCode: true } : {}),
            ...(memberTraits.jsonName ? { jsonName: memberTraits.jsonName } : {}),
            ...(memberTraits.xmlName ? { xmlName: memberTraits.xmlName } : {})
          }
        }
        contract.shapes[id] = {
          type: traits.error ? 'error' : schema.isUnionSchema() ? 'union' : 'structure',
          ...(traits.error ? { fault: traits.error, httpError: traits.httpError } : {}),
          ...(traits.awsQueryError ? { queryCode: traits.awsQueryError[0] } : {}),
          ...(traits.streaming ? { eventStream: true } : {}),
          members
        }
      }
      return { ref: id }
    }

    for (const operation of spec.operations) {
      const op = NormalizedSchema.of(sdk[`${operation}$`])
      const raw = sdk[`${operation}$`]
      const http = raw[3] && raw[3].http
      const output = NormalizedSchema.of(typeof raw[5] === 'function' ? raw[5]() : raw[5])
      const errors = errorsOf(dir, operation)
      for (const error of errors) ref(NormalizedSchema.of(sdk[`${error}$`]))
      contract.operations[operation] = {
        service,
        protocol: spec.protocol,
        ...(http ? { http: { method: http[0], uri: http[1], code: http[2] } } : {}),
        output: ref(output).ref,
        errors: errors.map(key)
      }
      void op
    }
  }
  return contract
}

const text = JSON.stringify(extract(), null, 1) + '\n'
if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(OUT, 'utf8')
  } catch {
    /* missing: stale */
  }
  if (current !== text) {
    console.error(`${OUT} is not what the installed AWS SDK gives: run node scripts/aws-contract.mjs`)
    process.exit(1)
  }
  console.log('the AWS contract is up to date with the installed SDK')
} else {
  writeFileSync(OUT, text)
  console.log(`wrote ${OUT}`)
}
