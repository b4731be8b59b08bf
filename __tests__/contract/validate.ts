/**
 * An emulator answer held to AWS's own model of its operation (aws-operations.json, made from the installed SDK's
 * generated schemas by scripts/aws-contract.mjs): the status, the headers of its protocol, the error type and its
 * members, the output members with their types, required members and enums, pagination tokens, and every frame of
 * an event stream. Each violation names the operation, the member and the rule.
 */
import { EventStreamCodec } from '@smithy/core/event-streams'
import { XMLParser } from 'fast-xml-parser'
import contract from './aws-operations.json' with { type: 'json' }

export interface Answer {
  operation: string
  status: number
  headers: Record<string, string>
  body: Uint8Array
}

type Value = { type?: string; ref?: string; enum?: string[]; member?: Value; value?: Value }
interface Member extends Value {
  required?: boolean
  header?: string
  payload?: boolean
  statusCode?: boolean
  jsonName?: string
}
interface Shape {
  type: 'structure' | 'union' | 'error'
  fault?: 'client' | 'server'
  httpError?: number
  queryCode?: string
  eventStream?: boolean
  members: Record<string, Member>
}
interface Operation {
  service: string
  protocol: 'restJson1' | 'awsJson1_1' | 'awsQuery'
  http?: { method: string; uri: string; code: number }
  output: string
  errors: string[]
}

const OPERATIONS = contract.operations as Record<string, Operation>
const SHAPES = contract.shapes as unknown as Record<string, Shape>

/** The operations the contract holds: the emulator must serve no other. */
export const CONTRACT_OPERATIONS = Object.keys(OPERATIONS)

/**
 * Errors any AWS operation may return beside its own (the API references' "Common Errors" and the Bedrock user
 * guide's "Troubleshooting Amazon Bedrock API error codes"); the signature errors are the ones JSON services send
 * for a bad or expired key.
 */
const COMMON_ERRORS = new Set([
  'AccessDeniedException',
  'ExpiredTokenException',
  'IncompleteSignature',
  'InternalFailure',
  'InvalidAction',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'MalformedHttpRequestException',
  'NotAuthorized',
  'OptInRequired',
  'RequestExpired',
  'ServiceUnavailable',
  'ThrottlingException',
  'UnrecognizedClientException',
  'ValidationError',
  // awsQuery's codes for the same (STS): "ExpiredToken", "Throttling".
  'ExpiredToken',
  'Throttling',
  // STS's answers beyond its model, as users quote them: "An error occurred (AccessDenied) when calling the
  // AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity"
  // (aws-actions/configure-aws-credentials issues), and RegionDisabledException from GetCallerIdentity in a region
  // whose STS endpoint the account deactivated (aws/aws-cdk#11474).
  'AccessDenied',
  'RegionDisabledException'
])

/**
 * Enum values AWS really sends that its model does not list yet (Smithy enums are open: a client must accept an
 * unknown value). Each is a value real answers carry: ListFoundationModels and GetFoundationModel list
 * "INFERENCE_PROFILE" in inferenceTypesSupported for profile-only models (public dumps of real answers, search
 * index files 4810772450 and 11547557980), where the SDK's InferenceType has ON_DEMAND and PROVISIONED only.
 */
const BEYOND_THE_MODEL: Record<string, string[]> = {
  'bedrock#FoundationModelDetails.inferenceTypesSupported': ['INFERENCE_PROFILE'],
  'bedrock#FoundationModelSummary.inferenceTypesSupported': ['INFERENCE_PROFILE']
}

/** The content-type each protocol answers with (Smithy protocol specifications; awsQuery answers are XML). */
const CONTENT_TYPES: Record<Operation['protocol'], RegExp> = {
  restJson1: /^application\/json\b/,
  awsJson1_1: /^application\/x-amz-json-1\.1\b/,
  awsQuery: /^text\/xml\b/
}

export function violationsOf(answer: Answer): string[] {
  const operation = OPERATIONS[answer.operation]
  if (!operation) return [`${answer.operation}: no AWS model holds this operation`]
  const problems: string[] = []
  const say = (where: string, rule: string) => problems.push(`${answer.operation}: ${where}: ${rule}`)
  const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v]))
  if (answer.status >= 300) checkError(operation, answer, headers, say)
  else checkOutput(operation, answer, headers, say)
  return problems
}

type Say = (where: string, rule: string) => void

function checkError(operation: Operation, answer: Answer, headers: Record<string, string>, say: Say): void {
  let code: string | undefined
  let members: Record<string, unknown>
  if (operation.protocol === 'awsQuery') {
    const parsed = parseXml(answer.body, say)
    const error = (parsed?.ErrorResponse as { Error?: Record<string, unknown> } | undefined)?.Error
    if (!error) return say('body', 'an awsQuery error is <ErrorResponse><Error>…')
    code = typeof error.Code === 'string' ? error.Code : undefined
    if (error.Type !== 'Sender' && error.Type !== 'Receiver') say('Error.Type', 'must be Sender or Receiver')
    members = { message: error.Message }
  } else {
    const json = parseJson(answer.body, say)
    if (!json || typeof json !== 'object') return
    members = json as Record<string, unknown>
    const type =
      headers['x-amzn-errortype'] ?? (typeof members.__type === 'string' ? members.__type : undefined)
    code = type?.split(':')[0]?.split('#').pop()
    if (operation.protocol === 'awsJson1_1' && typeof members.__type !== 'string')
      say('body.__type', 'an awsJson1_1 error names its type in the body')
    if (operation.protocol === 'restJson1' && !headers['x-amzn-errortype'])
      say('x-amzn-errortype', 'a restJson1 error names its type in this header')
    delete members.__type
  }
  if (!code) return say('error type', 'missing')
  const modeled = operation.errors
    .map(id => ({ id, shape: SHAPES[id]! }))
    .find(({ id, shape }) => (shape.queryCode ?? id.split('#')[1]) === code || id.split('#')[1] === code)
  if (!modeled) {
    if (!COMMON_ERRORS.has(code))
      say(
        'error type',
        `${code} is neither an error of this operation (${operation.errors.map(e => e.split('#')[1]).join(', ')}) nor a common AWS error`
      )
    return
  }
  if (modeled.shape.httpError !== undefined && answer.status !== modeled.shape.httpError)
    say('status', `${code} is sent with HTTP ${modeled.shape.httpError}, not ${answer.status}`)
  checkStructure(modeled.id, members, code, say, { caseInsensitive: true })
}

function checkOutput(operation: Operation, answer: Answer, headers: Record<string, string>, say: Say): void {
  const expected = operation.http?.code ?? 200
  if (answer.status !== expected) say('status', `a success is HTTP ${expected}, not ${answer.status}`)
  const shape = SHAPES[operation.output]!
  const payload = Object.entries(shape.members).find(([, m]) => m.payload)
  const stream = payload && payload[1].ref ? SHAPES[payload[1].ref] : undefined
  const contentType = headers['content-type'] ?? ''
  if (stream?.eventStream) {
    if (contentType !== 'application/vnd.amazon.eventstream')
      say('content-type', `an event stream is application/vnd.amazon.eventstream, not "${contentType}"`)
  } else if (!payload && !CONTENT_TYPES[operation.protocol].test(contentType)) {
    say(
      'content-type',
      `${operation.protocol} answers with ${CONTENT_TYPES[operation.protocol].source}, not "${contentType}"`
    )
  }
  // Header-bound members.
  for (const [name, member] of Object.entries(shape.members)) {
    if (!member.header) continue
    const value = headers[member.header.toLowerCase()]
    if (value === undefined) {
      if (member.required) say(name, `required, in header ${member.header}`)
    } else checkValue(member, value, `${name} (header ${member.header})`, say)
  }
  if (stream?.eventStream) return checkEventStream(payload![1].ref!, answer.body, say)
  if (payload) return // a blob payload (InvokeModel's body): the model's own bytes
  if (operation.protocol === 'awsQuery') {
    const parsed = parseXml(answer.body, say)
    const root = parsed?.[`${answer.operation}Response`] as Record<string, unknown> | undefined
    const result = root?.[`${answer.operation}Result`]
    if (!root || result === undefined)
      return say('body', `an awsQuery answer is <${answer.operation}Response><${answer.operation}Result>…`)
    if (!(root.ResponseMetadata as { RequestId?: unknown } | undefined)?.RequestId)
      say('ResponseMetadata.RequestId', 'required in an awsQuery answer')
    return checkStructure(operation.output, typeof result === 'object' ? result : {}, 'result', say, {
      xml: true
    })
  }
  const json = parseJson(answer.body, say)
  if (json === undefined) return
  const bodyMembers = Object.fromEntries(
    Object.entries(shape.members).filter(([, m]) => !m.header && !m.statusCode)
  )
  checkStructure(operation.output, json, 'output', say, { members: bodyMembers })
}

interface Options {
  members?: Record<string, Member>
  caseInsensitive?: boolean
  xml?: boolean
}

function checkStructure(id: string, value: unknown, where: string, say: Say, options: Options = {}): void {
  const shape = SHAPES[id]
  if (!shape) return say(where, `no shape ${id}`)
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return say(where, `${id.split('#')[1]} is an object`)
  const members = options.members ?? shape.members
  const given = value as Record<string, unknown>
  const names = new Map(Object.keys(members).map(name => [wireName(members[name]!, name), name]))
  if (shape.type === 'union') {
    const set = Object.keys(given).filter(key => given[key] !== undefined && given[key] !== null)
    if (set.length !== 1) say(where, `a union sets exactly one member, not ${set.length}`)
  }
  for (const [key, item] of Object.entries(given)) {
    const name =
      names.get(key) ??
      (options.caseInsensitive
        ? [...names.entries()].find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1]
        : undefined)
    if (!name) {
      say(`${where}.${key}`, `not a member of ${id.split('#')[1]} (${[...names.keys()].join(', ')})`)
      continue
    }
    if (item === null || item === undefined) continue
    const member = members[name]!
    const extra = BEYOND_THE_MODEL[`${id}.${name}`]
    const widened = extra ? widen(member, extra) : member
    checkValue(widened, item, `${where}.${key}`, say, options.xml)
  }
  if (shape.type !== 'union')
    for (const [name, member] of Object.entries(members))
      if (member.required && given[wireName(member, name)] === undefined) say(`${where}.${name}`, 'required')
}

function widen(value: Value, extra: string[]): Value {
  if (value.enum) return { ...value, enum: [...value.enum, ...extra] }
  if (value.member) return { ...value, member: widen(value.member, extra) }
  return value
}

function wireName(member: Member, name: string): string {
  return member.jsonName ?? name
}

function checkValue(value: Value, item: unknown, where: string, say: Say, xml = false): void {
  if (value.ref) return checkStructure(value.ref, item, where, say, { xml })
  switch (value.type) {
    case 'string':
      if (typeof item !== 'string') return say(where, `a string, not ${typeof item}`)
      if (value.enum && !value.enum.includes(item))
        say(where, `"${item}" is not one of ${value.enum.join(', ')}`)
      return
    case 'number':
      if (xml ? Number.isNaN(Number(item)) : typeof item !== 'number')
        say(where, `a number, not ${JSON.stringify(item)}`)
      return
    case 'boolean':
      if (xml ? !['true', 'false', true, false].includes(item as string) : typeof item !== 'boolean')
        say(where, `a boolean, not ${JSON.stringify(item)}`)
      return
    case 'timestamp':
      // restJson1 and awsJson1_1 send epoch seconds unless the member says otherwise; Bedrock's are date-time.
      if (typeof item === 'number' ? !Number.isFinite(item) : Number.isNaN(Date.parse(String(item))))
        say(where, `a timestamp, not ${JSON.stringify(item)}`)
      return
    case 'list': {
      const items = xml ? listOfXml(item) : item
      if (!Array.isArray(items)) return say(where, 'a list')
      items.forEach((entry, i) => checkValue(value.member!, entry, `${where}[${i}]`, say, xml))
      return
    }
    case 'map':
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return say(where, 'a map')
      for (const [key, entry] of Object.entries(item))
        checkValue(value.value!, entry, `${where}.${key}`, say, xml)
      return
    case 'blob':
      if (typeof item !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(item)) say(where, 'a base64 blob')
      return
    default:
      return // document, unit: any JSON
  }
}

/** awsQuery lists are <member> elements. */
function listOfXml(item: unknown): unknown {
  if (item === '' || item === undefined) return []
  const member = (item as { member?: unknown }).member
  return member === undefined ? item : Array.isArray(member) ? member : [member]
}

const codec = new EventStreamCodec(
  bytes => new TextDecoder().decode(bytes),
  text => new TextEncoder().encode(text)
)

/**
 * Every frame of an event stream (Smithy event streams over vnd.amazon.eventstream): an event is :message-type
 * "event" with an :event-type the union defines and a JSON payload of that member's shape; a modeled exception is
 * :message-type "exception" with an :exception-type the union defines; an unmodeled one "error" with :error-code.
 */
function checkEventStream(unionId: string, body: Uint8Array, say: Say): void {
  const union = SHAPES[unionId]!
  let offset = 0
  let frame = 0
  const view = Buffer.from(body)
  while (offset < view.length) {
    if (view.length - offset < 4) return say(`frame ${frame}`, 'truncated prelude')
    const length = view.readUInt32BE(offset)
    if (length < 16 || offset + length > view.length)
      return say(`frame ${frame}`, `a frame of ${length} bytes does not fit`)
    let message
    try {
      message = codec.decode(view.subarray(offset, offset + length))
    } catch (error) {
      return say(`frame ${frame}`, `not an event-stream message (${(error as Error).message})`)
    }
    offset += length
    const header = (name: string) => {
      const value = message.headers[name]
      return value && (value.type === 'string' || value.type === 'binary') ? String(value.value) : undefined
    }
    const kind = header(':message-type')
    const where = `frame ${frame++}`
    if (kind === 'event') {
      const type = header(':event-type')
      const member = type ? union.members[type] : undefined
      if (!member || SHAPES[member.ref!]?.type === 'error') {
        say(`${where} :event-type`, `"${type}" is not an event of ${unionId.split('#')[1]}`)
        continue
      }
      const payload = parseJson(message.body, (w, r) => say(`${where} ${w}`, r))
      if (payload !== undefined) checkStructure(member.ref!, payload, `${where} ${type}`, say)
    } else if (kind === 'exception') {
      const type = header(':exception-type')
      const member = type ? union.members[type] : undefined
      if (!member || SHAPES[member.ref!]?.type !== 'error') {
        say(`${where} :exception-type`, `"${type}" is not an exception of ${unionId.split('#')[1]}`)
        continue
      }
      const payload = parseJson(message.body, (w, r) => say(`${where} ${w}`, r))
      if (payload !== undefined)
        checkStructure(member.ref!, payload, `${where} ${type}`, say, { caseInsensitive: true })
    } else if (kind === 'error') {
      if (!header(':error-code')) say(`${where} :error-code`, 'an error frame names its code')
    } else {
      say(`${where} :message-type`, `"${kind}" is not event, exception or error`)
    }
  }
}

function parseJson(body: Uint8Array, say: Say): unknown {
  const text = Buffer.from(body).toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    say('body', `not JSON: ${text.slice(0, 60)}`)
    return undefined
  }
}

const xmlParser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true })

function parseXml(body: Uint8Array, say: Say): Record<string, unknown> | undefined {
  try {
    return xmlParser.parse(Buffer.from(body).toString('utf8')) as Record<string, unknown>
  } catch {
    say('body', 'not XML')
    return undefined
  }
}

interface LoggedAnswer {
  operation: string
  modeled?: boolean
  reply?: { status: number; headers?: Record<string, string>; body: string | Uint8Array }
}

/** The violations of every AWS answer an emulator gave (faults a test asked for, and GitHub's answers, aside). */
export function contractViolations(calls: LoggedAnswer[]): string[] {
  return calls.flatMap(call =>
    call.modeled && call.reply
      ? violationsOf({
          operation: call.operation,
          status: call.reply.status,
          headers: call.reply.headers ?? {},
          body:
            typeof call.reply.body === 'string' ? new TextEncoder().encode(call.reply.body) : call.reply.body
        })
      : []
  )
}
