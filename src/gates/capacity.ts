/**
 * The capacity gate: are there tokens for the workload today? Decided with the call, from two kinds of evidence:
 * the region's Bedrock quotas (Service Quotas: the tokens-per-minute quota of the call's scope and the per-day
 * one, applied beside AWS's default) and the call's answer (throttled for the day, or for the minute, after the
 * SDK's retries). Closed: no tokens left today, a quota of 0, fewer tokens per minute than min-tokens-per-minute,
 * or a request refused for a quota. A warning: a quota below AWS's default, or a per-minute throttle (access is
 * proven; the quota is in use or small). Quotas that cannot be read, or that no quota name matches, change no
 * result: "unknown", never a guess.
 */
import { quotaScopeOf, quotasOfModel, type ModelQuotas, type QuotaPair } from '../bedrock/quotas.js'
import { CALL_OPERATION } from '../bedrock/calls.js'
import type { AwsFailure, CallOutcome, Evidence } from '../evidence.js'
import type { GateResult } from '../types.js'
import { faultGate, fromCatalogue, verdict, type AfterCall, type GateRules } from './common.js'

export const capacityGate: GateRules = {
  name: 'capacity',
  // The quotas are read beside the other reads and the call, off their path: the gate is decided with the call.
  fromEvidence: () => ({
    status: 'skip',
    cause: 'not-evaluated',
    detail: 'Not evaluated yet: decided with the call'
  }),
  afterCall: (e, _before, after) => decideCapacity(e, after)
}

/**
 * The quotas a check's call counts against, when the listing was read and a quota names the model: the scope is
 * the call's (on demand by base ID, cross-Region through a geographic profile, global through a global one).
 */
export function modelQuotasOf(e: Evidence): ModelQuotas | undefined {
  if (e.quotas?.state !== 'ok' || e.details.state !== 'ok' || !e.details.value.name) return undefined
  const destinations = e.profile.state === 'ok' ? e.profile.value.destinationRegions : []
  const scope = quotaScopeOf(e.profileId, destinations)
  const { provider, name } = e.details.value
  const model = {
    modelName: name,
    ...(provider ? { providerName: provider } : {}),
    ...(e.baseModelId ? { modelId: e.baseModelId } : {})
  }
  return quotasOfModel(model, scope, e.quotas.value.applied, e.quotas.value.defaults)
}

function decideCapacity(e: Evidence, after: AfterCall): GateResult {
  const quotas = modelQuotasOf(e)
  const outcomes = after.calls.state === 'made' ? after.calls.outcomes : []
  const daily = throttled(outcomes, 'per-day')
  if (daily) {
    const perDay = quotas?.perDay
    const applied = perDay?.applied !== undefined ? ` (${perDay.name}: ${perDay.applied} applied)` : ''
    return aboutQuota(
      'fail',
      'daily-tokens-exhausted',
      `${daily}: no tokens left for today${applied}`,
      e,
      perDay
    )
  }
  if (after.refusal?.diagnosis.gate === 'capacity')
    return fromCatalogue(fixSubject(e, quotas?.perMinute), after.refusal.failure, after.refusal.diagnosis)
  const perMinute = quotas?.perMinute
  const applied = perMinute?.applied
  const need = e.minTokensPerMinute
  if (perMinute && applied === 0) {
    const detail = `${perMinute.name} is 0 in ${e.region}${defaultOf(perMinute)}: no call can be served`
    return aboutQuota('fail', 'quota-zero', detail, e, perMinute)
  }
  if (perMinute && applied !== undefined && need !== undefined && applied < need) {
    const detail = `${perMinute.name} is ${applied} in ${e.region}; the workload needs ${need} (min-tokens-per-minute)`
    return aboutQuota('fail', 'quota-below-need', detail, e, { ...perMinute, desired: need })
  }
  const minute = throttled(outcomes, 'per-minute')
  if (perMinute && applied !== undefined && perMinute.default !== undefined && applied < perMinute.default) {
    const also = minute ? `; ${minute}` : ''
    const detail = `${perMinute.name} is ${applied} in ${e.region}, below AWS's default of ${perMinute.default}${also}`
    return aboutQuota('warn', 'quota-reduced', detail, e, perMinute)
  }
  if (minute)
    return aboutQuota('warn', 'throttled', `${minute}; the request was authorized first`, e, perMinute)
  if (perMinute && applied !== undefined)
    return { status: 'pass', detail: `${perMinute.name}: ${applied} in ${e.region}${defaultOf(perMinute)}` }
  // A call that was served says nothing of the quota: without its value, capacity is not known.
  return notKnown(e, perMinute)
}

/** Why no quota value is known: the listing could not be read, no quota names the model, or it has no value. */
function unknownWhy(e: Evidence, matched: QuotaPair | undefined): string {
  const quotas = e.quotas
  if (!quotas) return 'Service Quotas was not read'
  if (matched) return `${matched.name} is listed without an applied value (unknown, never zero)`
  switch (quotas.state) {
    case 'ok':
      return e.details.state === 'ok' && e.details.value.displayName
        ? `no quota in Service Quotas names ${e.details.value.displayName} for this call's scope, so its quota is unknown`
        : "the model's display name (GetFoundationModel) is unknown, so its quota is unknown"
    case 'denied':
      return 'Service Quotas may not be read (servicequotas:ListServiceQuotas, servicequotas:ListAWSDefaultServiceQuotas)'
    case 'not-read':
      return `Service Quotas was not read (${quotas.reason})`
    default:
      return `Service Quotas could not be read (${quotas.failure.message})`
  }
}

/** Capacity not decided: nothing proves it, and nothing closes it. */
function notKnown(e: Evidence, matched: QuotaPair | undefined): GateResult {
  const quotas = e.quotas
  if (quotas?.state === 'denied')
    return verdict('skip', 'quota-read-denied', `Not known: ${unknownWhy(e, matched)}`, e)
  if (quotas?.state === 'failed') return faultGate('ListServiceQuotas', quotas.failure)
  return { status: 'skip', cause: 'quota-unknown', detail: `Not known: ${unknownWhy(e, matched)}` }
}

/**
 * The first call throttled after the SDK's retries, as a sentence, when it was throttled for this period: Bedrock
 * says "Too many tokens per day, please wait before trying again." when the day's tokens are used up, and "Too
 * many tokens" or "Too many requests" per minute.
 */
function throttled(outcomes: CallOutcome[], period: 'per-day' | 'per-minute'): string | undefined {
  const found = outcomes.find(
    (outcome): outcome is Extract<CallOutcome, { state: 'failed' }> =>
      outcome.state === 'failed' &&
      outcome.failure.kind === 'throttled' &&
      isDaily(outcome.failure) === (period === 'per-day')
  )
  return found
    ? `${CALL_OPERATION[found.call]} was throttled after retries (${found.failure.message})`
    : undefined
}

function isDaily(failure: AwsFailure): boolean {
  return /tokens per day/i.test(failure.message)
}

function defaultOf(quota: QuotaPair): string {
  return quota.default !== undefined && quota.default !== quota.applied
    ? ` (AWS's default: ${quota.default})`
    : ''
}

/**
 * The value to ask for, always more than is applied (asking for the applied value raises nothing): what the
 * workload needs when it said (min-tokens-per-minute), else AWS's default, else twice the applied value when that
 * is already the default.
 */
export function desiredOf(quota: QuotaPair & { desired?: number }): number | undefined {
  const applied = quota.applied ?? 0
  for (const candidate of [quota.desired, quota.default])
    if (candidate !== undefined && candidate > applied) return candidate
  return applied > 0 ? applied * 2 : undefined
}

function fixSubject(e: Evidence, quota: (QuotaPair & { desired?: number }) | undefined) {
  if (!quota) return e
  const desired = desiredOf(quota)
  return { ...e, quota: { ...quota, ...(desired !== undefined ? { desired } : {}) } }
}

/** A capacity verdict about a quota: the fix names it, and the hint carries it for the command to copy. */
function aboutQuota(
  status: 'fail' | 'warn',
  cause: 'daily-tokens-exhausted' | 'quota-zero' | 'quota-below-need' | 'quota-reduced' | 'throttled',
  detail: string,
  e: Evidence,
  quota: (QuotaPair & { desired?: number }) | undefined
): GateResult {
  const gate = verdict(status, cause, detail, fixSubject(e, quota))
  if (!quota) return gate
  const desired = desiredOf(quota)
  const { name, code, applied, adjustable } = quota
  const hint = {
    name,
    code,
    region: e.region,
    ...(applied !== undefined ? { applied } : {}),
    ...(quota.default !== undefined ? { default: quota.default } : {}),
    ...(adjustable !== undefined ? { adjustable } : {}),
    ...(desired !== undefined ? { desired } : {})
  }
  return { ...gate, hints: { quota: hint } }
}
