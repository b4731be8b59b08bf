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
  /** Text, or the bytes of an event stream. */
  body: string | Uint8Array
  /** An answer a test asked for that no AWS model defines (a fault by design): the contract test skips it. */
  offModel?: boolean
}

export interface Auth {
  accessKeyId: string
  region: string
  service: string
  sessionToken?: string
  /** A Bedrock API key (Authorization: Bearer …) instead of a SigV4 signature. */
  bearer?: string
}

/**
 * The request's credentials: a SigV4 Authorization header, or a Bedrock API key (Bearer). A bearer request names
 * no region; the emulator, reached on one endpoint for every region, takes a short-term key's own region (the
 * one it was made for) and us-east-1 for other keys.
 */
export function parseAuthorization(header: string): Auth | undefined {
  if (header.startsWith('Bearer ')) {
    const bearer = header.slice('Bearer '.length).trim()
    return { accessKeyId: '', region: shortTermKeyRegion(bearer) ?? 'us-east-1', service: 'bedrock', bearer }
  }
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

function shortTermKeyRegion(key: string): string | undefined {
  if (!key.startsWith('bedrock-api-key-')) return undefined
  const url = Buffer.from(key.slice('bedrock-api-key-'.length), 'base64').toString('utf8')
  return /X-Amz-Credential=[^&]*?(?:%2F|\/)\d{8}(?:%2F|\/)([a-z0-9-]+)(?:%2F|\/)/.exec(url)?.[1]
}

/**
 * A Bedrock API key's answer: unknown keys are refused as Bedrock refuses them (the wording users report), and a
 * principal without bedrock:CallWithBearerToken in IAM's own words (Bedrock user guide, API key permissions).
 */
function bearerAnswer(state: EmulatorState, ctx: Context, answer: Route['answer'], protocol: string): Reply {
  const key = state.apiKeys[ctx.auth!.bearer!]
  if (protocol === 'query' || !key) {
    return jsonError(
      403,
      'AccessDeniedException',
      'Authentication failed: Please make sure your API Key is valid.'
    )
  }
  if (key.callWithBearerToken) {
    const why =
      key.callWithBearerToken === 'scp-deny'
        ? 'with an explicit deny in a service control policy'
        : 'because no identity-based policy allows the bedrock:CallWithBearerToken action'
    return jsonError(
      403,
      'AccessDeniedException',
      `User: ${key.arn} is not authorized to perform: bedrock:CallWithBearerToken on resource: * ${why}`
    )
  }
  return answer(state, ctx)
}

export function signed(answer: Route['answer'], protocol: 'query' | 'json'): Route['answer'] {
  return (state, ctx) => {
    const auth = ctx.auth
    if (auth?.bearer !== undefined) return bearerAnswer(state, ctx, answer, protocol)
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
  if (ctx.auth?.bearer !== undefined) return state.apiKeys[ctx.auth.bearer]?.arn ?? 'unknown'
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
  // IAM's words (IAM user guide, "Troubleshoot access denied error messages": an explicit deny in a session policy).
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
