/**
 * One shape for every AWS error, so the decision logic never inspects SDK error objects. A failure is either
 * an answer from the service (which may close a gate) or a fault (timeout, 5xx, throttling, a broken
 * connection or an unreadable response), which never closes a gate.
 */
import type { AwsFailure, FaultCause, Outcome, Read } from '../evidence.js'
import { isKnownRegion, nearestKnownRegions, regionChoices, REGION_SHAPE } from '../bedrock/model-id.js'
import { oneLine } from '../support/text.js'

/**
 * A read's outcome as evidence: a denied read is missing evidence, a not-found is negative evidence, and a
 * request refused as malformed (ValidationException: "1 validation error detected … failed to satisfy constraint")
 * says the identifier is not one the API takes.
 */
export function toRead<T>(outcome: Outcome<T>, permission: string): Read<T> {
  if (outcome.ok) return { state: 'ok', value: outcome.value }
  const failure = outcome.failure
  if (isAccessDenied(failure)) return { state: 'denied', failure, permission }
  if (isNotFound(failure)) return { state: 'not-found', failure }
  if (failure.kind === 'service' && failure.name === 'ValidationException')
    return { state: 'invalid', failure }
  return { state: 'failed', failure }
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ThrottledException',
  'RequestLimitExceeded',
  'SlowDown'
])
/**
 * Exceptions that are the service's own trouble whatever their HTTP status: inside an event stream they arrive
 * without one (ConverseStream / InvokeModelWithResponseStream API reference: InternalServerException "Retry your
 * request").
 */
const SERVER_SIDE_EXCEPTIONS = new Set(['InternalServerException'])
/**
 * The model's own failures, after the request was authorized (Bedrock runtime API model, aws/api-models-aws
 * bedrock-runtime-2023-09-30.json): ModelNotReadyException (429, retryable: "not ready to serve inference requests";
 * an imported model Bedrock unloaded while idle, re:Post knowledge-center/bedrock-imported-models-modelnotreadyexception),
 * ModelErrorException (424, "an error while processing the model"), ModelStreamErrorException (424, inside a
 * stream, "Retry your request") and ModelTimeoutException (408). They prove nothing about access and close nothing:
 * a fault of their own kind, read before the 429 that would otherwise say "throttled".
 */
const MODEL_SIDE_EXCEPTIONS = new Set([
  'ModelNotReadyException',
  'ModelErrorException',
  'ModelStreamErrorException',
  'ModelTimeoutException'
])
/** Node's codes for a host that cannot be reached: refused, no route, no DNS answer. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])
/** Node's (OpenSSL's) codes for a certificate the runner does not trust, e.g. a TLS-inspecting proxy's. */
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO'
])
/** A connection that broke after it was made. */
const RESET_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_INVALID_SESSION',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_STREAM_PREMATURE_CLOSE'
])

interface SdkErrorLike {
  name?: string
  message?: string
  code?: string
  $fault?: 'client' | 'server'
  $metadata?: { httpStatusCode?: number }
  $response?: { headers?: Record<string, string | undefined> }
  cause?: unknown
}

function errorCode(cause: unknown): string | undefined {
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : undefined
}

/**
 * The content type of an answer that AWS did not send: AWS APIs answer JSON (restJson1) or XML (awsQuery),
 * so an HTML or plain-text body comes from something in between (a proxy, a firewall, a captive portal).
 */
function foreignContentType(err: SdkErrorLike): string | undefined {
  const type = err.$response?.headers?.['content-type']
  return type && !/json|xml/i.test(type) ? type.split(';')[0]!.trim() : undefined
}

/**
 * What an AWS message may echo of the request that must never reach a log, a summary or a report: an
 * IncompleteSignatureException repeats the Authorization header it was sent ("… Authorization=eyJ0…", as aws/chalice#828
 * shows), which for a Bedrock API key is the key itself.
 */
const ECHOED_SECRETS: [RegExp, string][] = [
  [/\b(Authorization\s*[=:]\s*)("[^"]*"|\S+)/gi, '$1[redacted]'],
  [/\b(Bearer\s+)[\w+/=.~-]{8,}/gi, '$1[redacted]'],
  [/\bbedrock-api-key-[\w+/=]+/g, 'bedrock-api-key-[redacted]'],
  [/\bABSK[\w+/=]{8,}/g, 'ABSK[redacted]'],
  [/\b((?:X-Amz-)?Signature=)[0-9a-f]{16,}/gi, '$1[redacted]'],
  [/\b(X-Amz-Security-Token=)[^\s&,]+/gi, '$1[redacted]']
]

export function redactEchoedSecrets(text: string): string {
  return ECHOED_SECRETS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text)
}

/**
 * The region of an AWS endpoint host that did not resolve ("getaddrinfo ENOTFOUND bedrock-runtime.eu-centrl-1.
 * amazonaws.com"), when the SDK's partition data does not know it: the host does not exist because the region
 * does not, most often a typo in the regions input.
 */
function unknownRegionIn(message: string): { region: string; nearest: string[] } | undefined {
  const host = /ENOTFOUND\s+([a-z0-9.-]+)/i.exec(message)?.[1]?.toLowerCase()
  const region = host
    ?.split('.')
    .find(
      label =>
        REGION_SHAPE.test(label) &&
        /\.(amazonaws\.com(\.cn)?|api\.aws|c2s\.ic\.gov|sc2s\.sgov\.gov)$/.test(host)
    )
  if (!region || isKnownRegion(region)) return undefined
  return { region, nearest: nearestKnownRegions(region) }
}

export function describeAwsError(error: unknown): AwsFailure {
  const err = (
    typeof error === 'object' && error !== null ? error : { message: String(error) }
  ) as SdkErrorLike
  const name = err.name ?? 'Error'
  const message = redactEchoedSecrets(oneLine(err.message ?? String(error)))
  const httpStatus = err.$metadata?.httpStatusCode
  const base = { name, message, ...(httpStatus !== undefined ? { httpStatus } : {}) }

  // Before the timeout test: ModelTimeoutException says "timed out", but it is the model's, after authorization.
  if (MODEL_SIDE_EXCEPTIONS.has(name))
    return {
      ...base,
      kind: 'fault',
      fault: 'model',
      message: `failed in the model after the request was authorized (${name}): ${message}`
    }
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    err.code === 'ETIMEDOUT' ||
    /timed out/i.test(message)
  ) {
    return { ...base, kind: 'timeout', message: `timed out: ${message}` }
  }
  const foreign = foreignContentType(err)
  if (foreign) {
    return {
      ...base,
      kind: 'fault',
      fault: 'not-aws',
      message: `the answer did not come from AWS (HTTP ${httpStatus ?? '?'}, ${foreign})`
    }
  }
  const fault = (cause: FaultCause, text: string): AwsFailure => ({
    ...base,
    kind: 'fault',
    fault: cause,
    message: text
  })
  if (THROTTLING.has(name) || httpStatus === 429) return { ...base, kind: 'throttled' }
  const connection = connectionFault(err, message, fault)
  if (connection) return connection
  if (
    (httpStatus !== undefined && httpStatus >= 500) ||
    err.$fault === 'server' ||
    SERVER_SIDE_EXCEPTIONS.has(name)
  ) {
    return fault('server', `service error ${httpStatus ?? ''} ${name}: ${message}`.replace(/\s+/g, ' '))
  }
  // An answer the SDK could not parse (truncated JSON, XML garbage): a fault, not a verdict.
  if (isUnreadable(name, message, httpStatus)) {
    return { ...fault('malformed', `unreadable response: ${message}`), name: 'MalformedResponse' }
  }
  if (name === 'Error' || name === 'TypeError' || name === 'RangeError' || name === 'Unknown') {
    return fault('unexpected', `unexpected error: ${message}`)
  }
  return { ...base, kind: 'service' }
}

/** A failure to connect, or a connection lost: unreachable (an unknown region's host among them), TLS, reset. */
function connectionFault(
  err: SdkErrorLike,
  message: string,
  fault: (cause: FaultCause, text: string) => AwsFailure
): AwsFailure | undefined {
  // The HTTP/2 handler wraps the socket's error in one of its own ("The pending stream has been canceled
  // (caused by: connect ECONNREFUSED …)"): the telling code may be the error's, its cause's, or only in the words.
  const codes = [err.code, errorCode(err.cause), ...(message.match(/\b[A-Z][A-Z0-9_]{3,}\b/g) ?? [])]
  const known = (set: ReadonlySet<string>) =>
    codes.find((code): code is string => code !== undefined && set.has(code))
  const unreachable = known(UNREACHABLE_CODES)
  if (unreachable) {
    const unknown = unreachable === 'ENOTFOUND' ? unknownRegionIn(message) : undefined
    if (unknown)
      return {
        ...fault(
          'unknown-region',
          `could not connect (ENOTFOUND): ${message}; ${unknown.region} is not a region this AWS SDK knows` +
            (unknown.nearest.length > 0 ? ` (did you mean ${regionChoices(unknown.nearest)}?)` : '')
        ),
        unknownRegion: unknown
      }
    return fault('unreachable', `could not connect (${unreachable}): ${message}`)
  }
  const tls = known(TLS_CODES)
  if (tls) return fault('tls', `TLS failed (${tls}): ${message}`)
  const reset = known(RESET_CODES)
  if (reset) return fault('reset', `connection failed (${reset}): ${message}`)
  if (/socket hang up|ECONNRESET|premature close|stream (was )?(reset|destroyed)|GOAWAY/i.test(message))
    return fault('reset', `connection failed: ${message}`)
  return undefined
}

/** An answer the SDK could not read: a parser's error, or a success status it could not turn into a result. */
function isUnreadable(name: string, message: string, httpStatus: number | undefined): boolean {
  return (
    name === 'SyntaxError' ||
    /Deserialization error|Unexpected (token|end)|not valid JSON|Expected (property|',')|Unterminated string|Char 0|XML/i.test(
      message
    ) ||
    (httpStatus !== undefined && httpStatus < 300)
  )
}

/** Run an AWS call; never throws. Prefer AwsClients.send, which also applies the run's limits. */
export async function attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() }
  } catch (error) {
    return { ok: false, failure: describeAwsError(error) }
  }
}

export function isAccessDenied(failure: AwsFailure): boolean {
  return failure.kind === 'service' && /^AccessDenied(Exception)?$/.test(failure.name)
}

/**
 * Not found: a ResourceNotFoundException, or GetFoundationModel's answer for an ID the region's catalogue does not
 * hold, which is a ValidationException: "Could not find model with identifier anthropic.claude-3-5-sonnet-20241022-
 * v2:0" (HTTP 400, as users quote it: search index files 59791253159 and 56484205469).
 */
export function isNotFound(failure: AwsFailure): boolean {
  if (failure.kind !== 'service') return false
  if (/^(ResourceNotFound(Exception)?|NotFoundException)$/.test(failure.name)) return true
  return (
    failure.name === 'ValidationException' && /could not find model with identifier/i.test(failure.message)
  )
}

/** The failure of a call abandoned because the run was cancelled (SIGINT/SIGTERM). */
export const CANCELLED: AwsFailure = {
  kind: 'cancelled',
  name: 'Cancelled',
  message: 'the run was cancelled before AWS answered'
}
