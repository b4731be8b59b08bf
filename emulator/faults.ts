/** Injected faults: which call they hit, and the answer each kind gives in each protocol. */
import type { EmulatorState, Fault } from './state.js'
import { jsonError, queryError, type Reply, type Route } from './wire.js'

export function takeFault(
  state: EmulatorState,
  operation: string,
  region?: string,
  modelId?: string
): Fault | undefined {
  const fault = state.faults.find(
    candidate =>
      (candidate.operation === operation || (candidate.operation === '*' && operation !== 'OidcToken')) &&
      (!candidate.region || candidate.region === region) &&
      (!candidate.model || candidate.model === modelId) &&
      (candidate.times === undefined || candidate.times > 0)
  )
  if (fault && fault.times !== undefined) fault.times--
  return fault
}

/**
 * The answer of each fault kind. The wordings: "The security token included in the request is expired" is the
 * API references' Common Errors text (ExpiredTokenException); "Couldn't retrieve verification key…" is STS's, as
 * the idp-transient row cites; the internal-error, "Rate exceeded" and "Too many requests" texts are the ones AWS
 * services commonly print, quoted here without a Bedrock-specific source, so read them as ours.
 */
export function faultReply(fault: Fault, protocol: Route['protocol']): Reply {
  switch (fault.kind) {
    case 'http500':
      return protocol === 'query'
        ? queryError(500, 'InternalFailure', 'We encountered an internal error. Please try again.')
        : jsonError(500, 'InternalServerException', 'We encountered an internal error. Please try again.')
    case 'html502':
      return {
        status: 502,
        headers: { 'content-type': 'text/html' },
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>'
      }
    case 'throttle':
      return protocol === 'query'
        ? queryError(400, 'Throttling', 'Rate exceeded')
        : jsonError(429, 'ThrottlingException', 'Too many requests, please wait before trying again.')
    case 'garbage':
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: protocol === 'query' ? '<<<not xml' : 'this is not json {{{'
      }
    case 'truncated':
      return {
        status: 200,
        body:
          protocol === 'query'
            ? '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws'
            : '{"modelId": "x", "agreementAvailability": {"sta'
      }
    case 'empty200':
      return { status: 200, body: '{}' }
    case 'expired':
      return protocol === 'query'
        ? queryError(400, 'ExpiredToken', 'The security token included in the request is expired')
        : jsonError(403, 'ExpiredTokenException', 'The security token included in the request is expired')
    case 'injection':
      return jsonError(403, 'AccessDeniedException', fault.message ?? 'injected')
    case 'refuse':
      return jsonError(
        fault.status ?? 403,
        fault.exception ?? 'AccessDeniedException',
        fault.message ?? 'refused'
      )
    case 'html403':
      // A corporate proxy's or firewall's block page, in place of AWS's answer.
      return {
        status: 403,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<html><head><title>Blocked</title></head><body><h1>Access to this site is blocked by policy</h1></body></html>'
      }
    case 'idp-transient':
      // STS could not fetch GitHub's signing keys (STS API reference: InvalidIdentityToken / IDPCommunicationError).
      return queryError(
        400,
        'InvalidIdentityToken',
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"
      )
    default:
      return jsonError(500, 'InternalServerException', `unknown fault ${fault.kind}`)
  }
}
