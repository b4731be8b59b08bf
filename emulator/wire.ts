/**
 * What every emulated protocol shares: the request context, SigV4 credential parsing and checking, and the
 * wire formats of answers (restJson1 errors carry x-amzn-errortype; awsQuery answers are XML).
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Http2ServerRequest } from 'node:http2'
import type { EmulatorState } from './state.js'

export type Req = IncomingMessage | Http2ServerRequest

export interface Reply {
  status: number
  headers?: Record<string, string>
  body: string
}

export interface Auth {
  accessKeyId: string
  region: string
  service: string
  sessionToken?: string
}

export function parseAuthorization(header: string): Auth | undefined {
  const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(header)
  if (!match) return undefined
  return { accessKeyId: match[1]!, region: match[2]!, service: match[3]! }
}

export interface Context {
  auth?: Auth
  body: string
  url: URL
  req: Req
}

export interface Route {
  operation: string
  protocol: 'query' | 'json' | 'oidc'
  modelId?: string
  answer: (state: EmulatorState, ctx: Context) => Reply
}

// --- Authentication ------------------------------------------------------------------------------------

export function signed(answer: Route['answer'], protocol: 'query' | 'json'): Route['answer'] {
  return (state, ctx) => {
    const auth = ctx.auth
    const error = (status: number, code: string, message: string) =>
      protocol === 'query' ? queryError(status, code, message) : jsonError(status, code, message)
    if (!auth)
      return error(
        403,
        protocol === 'query' ? 'MissingAuthenticationToken' : 'MissingAuthenticationTokenException',
        'Missing Authentication Token'
      )
    const key = state.accessKeys[auth.accessKeyId]
    if (!key) {
      return protocol === 'query'
        ? error(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.')
        : error(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.')
    }
    if (key.sessionToken && ctx.req.headers['x-amz-security-token'] !== key.sessionToken) {
      return error(
        403,
        protocol === 'query' ? 'InvalidClientTokenId' : 'UnrecognizedClientException',
        'The security token included in the request is invalid.'
      )
    }
    if (key.expired) {
      return error(
        400,
        protocol === 'query' ? 'ExpiredToken' : 'ExpiredTokenException',
        'The security token included in the request is expired'
      )
    }
    return answer(state, ctx)
  }
}

export function callerArn(state: EmulatorState, ctx: Context): string {
  return state.accessKeys[ctx.auth?.accessKeyId ?? '']?.arn ?? 'unknown'
}

/**
 * Whether the caller's session policy (sent with AssumeRoleWithWebIdentity) keeps it from an action: an explicit
 * Deny, or no Allow. Enough of IAM's evaluation for the policies the probe sends; no conditions, no wildcards
 * inside action names but '*'.
 */
export function sessionDenies(state: EmulatorState, ctx: Context, action: string): boolean {
  const policy = state.accessKeys[ctx.auth?.accessKeyId ?? '']?.sessionPolicy
  if (!policy) return false
  const statements = (JSON.parse(policy) as { Statement: { Effect: string; Action: string | string[] }[] })
    .Statement
  const covers = (statement: { Action: string | string[] }) =>
    ([] as string[]).concat(statement.Action).some(pattern => pattern === '*' || pattern === action)
  if (statements.some(statement => statement.Effect === 'Deny' && covers(statement))) return true
  return !statements.some(statement => statement.Effect === 'Allow' && covers(statement))
}

/** The AccessDeniedException for an action a session policy denies. */
export function sessionDenial(state: EmulatorState, ctx: Context, action: string, resource = '*'): Reply {
  return jsonError(
    403,
    'AccessDeniedException',
    `User: ${callerArn(state, ctx)} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny in a session policy`
  )
}

export function denied(
  state: EmulatorState,
  ctx: Context,
  action: string,
  resource = '*'
): Reply | undefined {
  if (sessionDenies(state, ctx, action)) return sessionDenial(state, ctx, action, resource)
  if (!state.iam.deniedActions.includes(action) && !state.iam.deniedActions.includes('*')) return undefined
  return jsonError(
    403,
    'AccessDeniedException',
    `User: ${callerArn(state, ctx)} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
  )
}

// --- Wire formats ------------------------------------------------------------------------------------

export function ok(value: unknown): Reply {
  return { status: 200, body: JSON.stringify(value) }
}

export function jsonError(status: number, type: string, message: string): Reply {
  return { status, headers: { 'x-amzn-errortype': type }, body: JSON.stringify({ message }) }
}

export function xml(action: string, result: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body:
      `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata></${action}Response>`
  }
}

export function queryError(status: number, code: string, message: string): Reply {
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body:
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`
  }
}
