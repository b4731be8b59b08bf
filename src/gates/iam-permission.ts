/**
 * The IAM-permission gate: may this identity invoke the model (and the profile) here? Only a call proves it:
 * its success, its throttling (which comes after authorization), or a refusal the catalogue puts on this gate.
 * When the gate is closed by a missing Allow, the least-privilege statement that opens it comes with it.
 */
import type { AwsFailure } from '../aws/failure.js'
import type { Diagnosis } from '../diagnosis/catalogue.js'
import { invokeStatement } from '../diagnosis/iam-policy.js'
import type { CallOutcome, CallVia, Evidence } from '../evidence.js'
import type { GateResult, IamStatement } from '../types.js'
import { faultGate, fromCatalogue } from './common.js'

const OPERATION: Record<CallVia, string> = { converse: 'Converse', 'invoke-model': 'InvokeModel' }

/** The gate from the call, unless the catalogue recognised its refusal (then iamFromRefusal or another gate). */
export function iamFromCall(call: CallOutcome): GateResult {
  switch (call.state) {
    case 'not-run':
      return { status: 'skip', cause: call.cause, detail: `Not called: ${call.reason}` }
    case 'ok':
      return { status: 'pass', detail: `${OPERATION[call.via]} succeeded` }
    case 'failed':
      return failedCall(call.via, call.failure)
  }
}

function failedCall(via: CallVia, failure: AwsFailure): GateResult {
  if (failure.kind === 'throttled') {
    return {
      status: 'warn',
      cause: 'throttled',
      detail: `The call was throttled after retries (${failure.message}); throttling comes after authorization, so access is in place`,
      fix: 'Nothing to fix for access. Re-run later, or raise the quota.'
    }
  }
  if (failure.kind !== 'service') return faultGate(OPERATION[via], failure)
  // A refusal is proof that the workload would fail, even when the probe cannot say which gate refused.
  return {
    status: 'fail',
    cause: 'unrecognised-refusal',
    detail: `${OPERATION[via]} was refused with an answer the probe does not recognise: ${failure.name}: ${failure.message}`,
    fix:
      'The workload would be refused the same way. Search the exact message above in the Bedrock troubleshooting ' +
      'guide and AWS re:Post; if it is about access, please report it to bedrock-access-probe with the message so the ' +
      'probe can name its gate.'
  }
}

/** A refused call that the catalogue puts on this gate; an SCP denial names the destination it blocks. */
export function iamFromRefusal(e: Evidence, failure: AwsFailure, diagnosis: Diagnosis): GateResult {
  const gate = fromCatalogue(e, failure, diagnosis)
  if (gate.cause !== 'iam-scp-deny') return gate
  const blocked = blockedDestination(diagnosis.groups[1] ?? '', e)
  return blocked
    ? {
        ...gate,
        detail: `${gate.detail} (the SCP blocks ${blocked}, a destination region of this inference profile)`
      }
    : gate
}

/** The destination region an SCP denied, when the denied resource is a foundation model in another region. */
function blockedDestination(resource: string, e: Evidence): string | undefined {
  const match = /^arn:[\w-]+:bedrock:([a-z0-9-]+)::foundation-model\//.exec(resource)
  if (!match || !e.isProfile) return undefined
  return match[1] !== e.region ? match[1] : undefined
}

/** The statement that opens a closed gate; none for an SCP, which no identity policy can override. */
export function iamStatementFor(e: Evidence, gate: GateResult): IamStatement | undefined {
  if (gate.status !== 'fail' || gate.cause === 'iam-scp-deny') return undefined
  const profile = e.profile.state === 'ok' ? e.profile.value : undefined
  return invokeStatement({
    region: e.region,
    account: e.account,
    baseModelId: e.baseModelId,
    profileId: e.profileId,
    profileArn: profile?.arn,
    profileModelArns: profile?.modelArns
  })
}
