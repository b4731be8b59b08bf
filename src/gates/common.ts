/**
 * What every gate shares: the verdict for evidence lost to a fault, the verdict for evidence that could not
 * be read, and the plain translation of an error-catalogue row into a verdict. Gate-specific additions to a
 * catalogue verdict live in the gate's own file.
 */
import { describeFault, type AwsFailure, type Read } from '../aws/failure.js'
import type { Diagnosis } from '../diagnosis/catalogue.js'
import type { Evidence } from '../evidence.js'
import type { GateResult } from '../types.js'

/** A gate a fault left undecided: a warning, never a verdict. */
export function faultGate(operation: string, failure: AwsFailure): GateResult {
  return {
    status: 'warn',
    cause: failure.kind === 'timeout' ? 'timed-out' : 'fault',
    detail: `Could not be decided: ${operation} ${describeFault(failure)}`,
    fix: 'A fault, not a closed gate: re-run the probe. Raise request-timeout-seconds if AWS is slow from this runner.'
  }
}

export function isFaultGate(gate: GateResult): boolean {
  return gate.status === 'warn' && (gate.cause === 'fault' || gate.cause === 'timed-out')
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
