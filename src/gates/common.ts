/**
 * What every gate shares: the verdict for evidence lost to a fault, the verdict for evidence that could not
 * be read, and the plain translation of an error-catalogue row into a verdict. Gate-specific additions to a
 * catalogue verdict live in the gate's own file.
 */
import { describeFault, type AwsFailure, type Read } from '../aws/failure.js'
import type { Diagnosis } from '../diagnosis/catalogue.js'
import type { Evidence } from '../evidence.js'
import { FAULT_CAUSES, type Cause, type GateResult } from '../types.js'

/** Each fault's cause and the fix that names it. */
function faultCauseAndFix(failure: AwsFailure): { cause: Cause; fix: string } {
  if (failure.kind === 'cancelled')
    return {
      cause: 'cancelled',
      fix: 'The job was cancelled or hit timeout-minutes before AWS answered: re-run it.'
    }
  if (failure.kind === 'timeout') {
    return {
      cause: 'timed-out',
      fix: 'AWS did not answer in time from this runner: re-run, or raise request-timeout-seconds if it is slow from here.'
    }
  }
  switch (failure.fault) {
    case 'unreachable':
      return {
        cause: 'unreachable',
        fix:
          'This runner cannot reach the AWS endpoint: check its network and DNS, the HTTPS_PROXY it must use, or the VPC ' +
          'endpoint for Bedrock (com.amazonaws.REGION.bedrock and bedrock-runtime) and STS.'
      }
    case 'not-aws':
      return {
        cause: 'not-from-aws',
        fix:
          'Something between this runner and AWS (a proxy, a firewall, a captive portal) answered instead of AWS: allow the ' +
          'runner through to the Bedrock and STS endpoints, or set the proxy it must use.'
      }
    case 'tls':
      return {
        cause: 'tls-untrusted',
        fix:
          'The runner does not trust the certificate it was shown, often a TLS-inspecting proxy: point NODE_EXTRA_CA_CERTS at ' +
          "that proxy's CA bundle for this step."
      }
    case 'proxy':
      return {
        cause: 'proxy-failed',
        fix:
          'The proxy refused or could not carry the request: check the http-proxy input or HTTPS_PROXY, that the proxy ' +
          'allows CONNECT to the Bedrock and STS endpoints (*.amazonaws.com:443), its credentials, and NO_PROXY.'
      }
    case 'server':
      return {
        cause: 'service-error',
        fix: 'AWS answered with a server error (5xx) after retries: re-run the probe.'
      }
    default:
      return { cause: 'fault', fix: 'A fault, not a closed gate: re-run the probe.' }
  }
}

/** A gate a fault left undecided: a warning, never a verdict, and the fix names the fault. */
export function faultGate(operation: string, failure: AwsFailure): GateResult {
  return {
    status: 'warn',
    detail: `Could not be decided: ${operation} ${describeFault(failure)}`,
    ...faultCauseAndFix(failure)
  }
}

export function isFaultGate(gate: GateResult): boolean {
  return gate.status === 'warn' && gate.cause !== undefined && FAULT_CAUSES.has(gate.cause)
}

/** The verdict when a read gave no usable evidence: the call (if any) decides. */
export function unreadGate<T>(read: Exclude<Read<T>, { state: 'ok' }>, permission: string): GateResult {
  switch (read.state) {
    case 'denied':
      return {
        status: 'skip',
        cause: 'read-denied',
        detail: `Not readable by this identity (${permission} denied); the call is the evidence`,
        fix: `Grant ${permission} to make this gate definitive without a call (read-only, no model cost).`
      }
    case 'failed':
      return faultGate(permission.replace('bedrock:', ''), read.failure)
    case 'not-found':
      return { status: 'skip', cause: 'not-found', detail: `Not found: ${read.failure.message}` }
    case 'not-read':
      return { status: 'skip', cause: 'not-read', detail: read.reason }
  }
}

/** What a catalogue fix may name about the check. */
export type FixSubject = Pick<Evidence, 'model' | 'region' | 'baseModelId' | 'account'>

/** A catalogue row as a verdict: its status, its cause, the AWS message and the row's fix. */
export function fromCatalogue(subject: FixSubject, failure: AwsFailure, diagnosis: Diagnosis): GateResult {
  const { entry, groups } = diagnosis
  return {
    status: entry.status,
    cause: entry.id,
    detail: `${entry.cause}: ${failure.message}`,
    fix: entry.fix({
      model: subject.model,
      region: subject.region,
      baseModelId: subject.baseModelId,
      account: subject.account,
      groups
    })
  }
}
