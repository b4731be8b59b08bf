/**
 * One shape for every AWS error, so the decision logic never inspects SDK error objects. A failure is either
 * an answer from the service (which may close a gate) or a fault (timeout, 5xx, throttling, a broken
 * connection or an unreadable response), which never closes a gate.
 */
import { oneLine } from '../sanitize.js'

export type FailureKind = 'service' | 'throttled' | 'timeout' | 'fault'

export interface AwsFailure {
  kind: FailureKind
  /** Exception name, e.g. AccessDeniedException; for faults, what went wrong. */
  name: string
  /** One sanitised line. */
  message: string
  httpStatus?: number
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: AwsFailure }

/** The outcome of one control-plane read, as evidence. */
export type Read<T> =
  | { state: 'ok'; value: T }
  /** AccessDenied on a read: the identity lacks the read permission; evidence is missing, not negative. */
  | { state: 'denied'; failure: AwsFailure; permission: string }
  | { state: 'not-found'; failure: AwsFailure }
  | { state: 'failed'; failure: AwsFailure }
  | { state: 'not-read'; reason: string }

/** A read's outcome as evidence: a denied read is missing evidence, a not-found is negative evidence. */
export function toRead<T>(outcome: Outcome<T>, permission: string): Read<T> {
  if (outcome.ok) return { state: 'ok', value: outcome.value }
  const failure = outcome.failure
  if (isAccessDenied(failure)) return { state: 'denied', failure, permission }
  if (isNotFound(failure) || (failure.kind === 'service' && failure.name === 'ValidationException')) {
    return { state: 'not-found', failure }
  }
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
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
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
  $response?: unknown
  cause?: unknown
}

export function describeAwsError(error: unknown): AwsFailure {
  const err = (
    typeof error === 'object' && error !== null ? error : { message: String(error) }
  ) as SdkErrorLike
  const name = err.name ?? 'Error'
  const message = oneLine(err.message ?? String(error))
  const httpStatus = err.$metadata?.httpStatusCode
  const base = { name, message, ...(httpStatus !== undefined ? { httpStatus } : {}) }

  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    err.code === 'ETIMEDOUT' ||
    /timed out/i.test(message)
  ) {
    return { ...base, kind: 'timeout', message: `timed out: ${message}` }
  }
  if (THROTTLING.has(name) || httpStatus === 429) return { ...base, kind: 'throttled' }
  if (err.code !== undefined && NETWORK_CODES.has(err.code)) {
    return { ...base, kind: 'fault', message: `connection failed (${err.code}): ${message}` }
  }
  if (/socket hang up|ECONNRESET|premature close|stream (was )?(reset|destroyed)|GOAWAY/i.test(message)) {
    return { ...base, kind: 'fault', message: `connection failed: ${message}` }
  }
  if ((httpStatus !== undefined && httpStatus >= 500) || err.$fault === 'server') {
    return {
      ...base,
      kind: 'fault',
      message: `service error ${httpStatus ?? ''} ${name}: ${message}`.replace(/\s+/g, ' ')
    }
  }
  // An answer the SDK could not parse (HTML error pages, truncated JSON, XML garbage): a fault, not a verdict.
  if (
    name === 'SyntaxError' ||
    /Deserialization error|Unexpected (token|end)|not valid JSON|Expected (property|',')|Unterminated string|Char 0|XML/i.test(
      message
    ) ||
    (httpStatus !== undefined && httpStatus < 300)
  ) {
    return { ...base, kind: 'fault', name: 'MalformedResponse', message: `unreadable response: ${message}` }
  }
  if (name === 'Error' || name === 'TypeError' || name === 'RangeError') {
    return { ...base, kind: 'fault', message: `unexpected error: ${message}` }
  }
  return { ...base, kind: 'service' }
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

export function isNotFound(failure: AwsFailure): boolean {
  return failure.kind === 'service' && /^(ResourceNotFound(Exception)?|NotFoundException)$/.test(failure.name)
}

export function describeFault(failure: AwsFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return failure.message
    case 'throttled':
      return `throttled after retries (${failure.name}: ${failure.message})`
    default:
      return failure.message
  }
}
