/**
 * The IAM-permission gate: may this identity invoke the model (and the profile) here? Only a call proves it:
 * its success, its throttling (which comes after authorization), or a refusal the catalogue puts on this gate.
 * When the gate is closed by a missing Allow, the least-privilege statement that opens it comes with it.
 */
import type { AwsFailure } from '../aws/failure.js'
import { actionsOf, CALL_ACTION, CALL_OPERATION, type CallKind } from '../calls.js'
import type { Diagnosis } from '../diagnosis/catalogue.js'
import { invokeStatement } from '../diagnosis/iam-policy.js'
import { partitionOf } from '../model-id.js'
import type { CallOutcome, CallsOutcome, Evidence } from '../evidence.js'
import type { GateResult, IamStatement } from '../types.js'
import { faultGate, fromCatalogue } from './common.js'

/**
 * The gate from the calls, unless the catalogue recognised a refusal (then iamFromRefusal or another gate).
 * Pass only when every asked call's action was proven by a call that got through.
 */
export function iamFromCalls(calls: CallsOutcome): GateResult {
  if (calls.state === 'not-run')
    return { status: 'skip', cause: calls.cause, detail: `Not called: ${calls.reason}` }
  const { outcomes } = calls
  const ok = outcomes.filter(outcome => outcome.state === 'ok')
  const failed = outcomes.flatMap(outcome => (outcome.state === 'failed' ? [outcome] : []))
  const proven = ok.length > 0 ? ` (${succeededPart(ok)})` : ''

  const refused = failed.find(outcome => outcome.failure.kind === 'service')
  if (refused) return unrecognisedRefusal(refused.call, refused.failure)
  const fault = failed.find(outcome => outcome.failure.kind !== 'throttled')
  if (fault) {
    const gate = faultGate(CALL_OPERATION[fault.call], fault.failure)
    return { ...gate, detail: gate.detail + proven }
  }
  const throttled = failed.find(outcome => outcome.failure.kind === 'throttled')
  if (throttled) {
    return {
      status: 'warn',
      cause: 'throttled',
      detail: `${CALL_OPERATION[throttled.call]} was throttled after retries (${throttled.failure.message}); throttling comes after authorization, so access is in place${proven}`,
      fix: 'Nothing to fix for access. Re-run later, or raise the quota.'
    }
  }
  // A call not made leaves its action unproven, unless another call that got through needs the same action.
  const provenActions = new Set(ok.map(outcome => CALL_ACTION[outcome.call]))
  const unproven = outcomes.find(
    (outcome): outcome is Extract<CallOutcome, { state: 'not-run' }> =>
      outcome.state === 'not-run' &&
      outcome.cause !== 'call-not-applicable' &&
      !provenActions.has(CALL_ACTION[outcome.call])
  )
  if (unproven) {
    return {
      status: 'skip',
      cause: unproven.cause,
      detail: `${CALL_ACTION[unproven.call]} not proven: ${unproven.reason}${proven}`
    }
  }
  const notApplicable = outcomes.filter(outcome => outcome.state === 'not-run')
  return {
    status: 'pass',
    detail:
      succeededPart(ok) +
      (notApplicable.length > 0
        ? `; ${notApplicable.map(outcome => CALL_OPERATION[outcome.call]).join(', ')} not made (${(notApplicable[0] as { reason: string }).reason})`
        : '')
  }
}

/** "Converse and ConverseStream succeeded (bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream)". */
function succeededPart(ok: CallOutcome[]): string {
  const operations = ok.map(outcome => CALL_OPERATION[outcome.call])
  const list =
    operations.length > 1 ? `${operations.slice(0, -1).join(', ')} and ${operations.at(-1)}` : operations[0]
  return `${list} succeeded (${actionsOf(ok.map(outcome => outcome.call)).join(', ')})`
}

/**
 * A closed IAM gate, with which calls were refused for which action and which got through: a role that may
 * call Converse but not stream is told exactly that.
 */
export function withCallsNamed(gate: GateResult, outcomes: CallOutcome[]): GateResult {
  if (gate.status !== 'fail' || outcomes.length < 2) return gate
  const refused = outcomes.filter(outcome => outcome.state === 'failed' && outcome.failure.kind === 'service')
  const ok = outcomes.filter(outcome => outcome.state === 'ok')
  const missing = actionsOf(refused.map(outcome => outcome.call))
  const refusedPart = `refused: ${refused.map(outcome => CALL_OPERATION[outcome.call]).join(', ')} (${missing.join(', ')})`
  return {
    ...gate,
    detail: `${gate.detail} — ${refusedPart}${ok.length > 0 ? `; ${succeededPart(ok)}` : ''}`,
    fix: `Allow ${missing.join(' and ')}: ${lowerFirst(gate.fix ?? 'Attach the policy statement below.')}`
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function unrecognisedRefusal(call: CallKind, failure: AwsFailure): GateResult {
  const operation = CALL_OPERATION[call]
  // A refusal is proof that the workload would fail, even when the probe cannot say which gate refused.
  return {
    status: 'fail',
    cause: 'unrecognised-refusal',
    detail: `${operation} was refused with an answer the probe does not recognise: ${failure.name}: ${failure.message}`,
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

/**
 * The workload also lists inference profiles (claude-code): a denied listing closes the gate even when every call
 * got through, and a listing lost to a fault leaves it unproven.
 */
export function withProfileListing(gate: GateResult, e: Evidence): GateResult {
  const listing = e.profileListing
  if (!listing || gate.status === 'fail') return gate
  if (listing.state === 'denied') {
    return {
      status: 'fail',
      cause: 'iam-list-denied',
      detail: `bedrock:ListInferenceProfiles is not allowed: ${listing.failure.message}`,
      fix: 'Claude Code lists inference profiles to resolve its models: allow bedrock:ListInferenceProfiles (statement below).'
    }
  }
  if (listing.state === 'failed' && gate.status === 'pass') {
    const fault = faultGate('ListInferenceProfiles', listing.failure)
    return { ...fault, detail: `${gate.detail}; ${fault.detail}` }
  }
  return listing.state === 'ok' && gate.status === 'pass'
    ? { ...gate, detail: `${gate.detail}; ListInferenceProfiles allowed` }
    : gate
}

/** The statement that opens a closed gate; none for an SCP, which no identity policy can override. */
export function iamStatementFor(
  e: Evidence,
  gate: GateResult,
  asked: readonly CallKind[]
): IamStatement | undefined {
  if (gate.status !== 'fail' || gate.cause === 'iam-scp-deny') return undefined
  if (gate.cause === 'iam-list-denied') return listStatement(e)
  const profile = e.profile.state === 'ok' ? e.profile.value : undefined
  return invokeStatement({
    region: e.region,
    account: e.account,
    baseModelId: e.baseModelId,
    profileId: e.profileId,
    profileArn: profile?.arn,
    profileModelArns: profile?.modelArns,
    actions: actionsOf(asked)
  })
}

function listStatement(e: Evidence): IamStatement {
  return {
    Sid: `ListInferenceProfiles${e.region.replace(/[^A-Za-z0-9]/g, '')}`,
    Effect: 'Allow',
    Action: ['bedrock:ListInferenceProfiles'],
    Resource: [
      `arn:${partitionOf(e.region)}:bedrock:${e.region}:${e.account ?? '<ACCOUNT_ID>'}:inference-profile/*`
    ]
  }
}
