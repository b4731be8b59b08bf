/**
 * The model-access gate: does the account hold the model (the Marketplace entitlement), and may it still use
 * it (lifecycle)? A failed agreement creation during bootstrap lands here too, and so does a refused call that
 * says the account has no access (Marketplace permissions, an account-level block, a lapsed Legacy model).
 */
import { diagnose } from '../diagnosis/catalogue.js'
import { DEFAULT_EOL_WARNING_DAYS, daysToEndOfLife, lifecycleDates } from '../bedrock/lifecycle.js'
import type { AwsFailure, Evidence } from '../evidence.js'
import type { GateResult } from '../types.js'
import {
  controlPlaneAfterCall,
  faultGate,
  fromCatalogue,
  unreadGate,
  verdict,
  type GateRules,
  type Refusal
} from './common.js'

export const modelAccessGate: GateRules = {
  name: 'model-access',
  fromEvidence: e => decideModelAccess(e),
  afterCall: controlPlaneAfterCall('model-access', modelAccessFromRefusal)
}

export function decideModelAccess(e: Evidence): GateResult {
  const failure = e.bootstrap.agreementFailure
  if (failure) return agreementCreationFailed(e, failure)
  const lifecycle = lifecycleVerdict(e)
  if (lifecycle?.status === 'fail') return lifecycle

  const availability = e.availability
  if (availability.state !== 'ok')
    return lifecycle ?? unreadGate(availability, 'bedrock:GetFoundationModelAvailability')
  if (availability.value.entitled === false) {
    return verdict(
      'fail',
      'not-entitled',
      `The account is not entitled to ${e.baseModelId} in ${e.region} (entitlementAvailability NOT_AVAILABLE)`,
      { ...e, marketplace: e.marketplace }
    )
  }
  if (lifecycle) return lifecycle
  return availability.value.entitled
    ? { status: 'pass', detail: 'Entitled (AVAILABLE)' }
    : {
        status: 'skip',
        cause: 'not-read',
        detail:
          'GetFoundationModelAvailability did not report entitlementAvailability; the call is the evidence'
      }
}

function agreementCreationFailed(e: Evidence, failure: AwsFailure): GateResult {
  const diagnosis = diagnose(failure)
  if (diagnosis?.gate === 'model-access') return fromCatalogue(e, failure, diagnosis)
  if (failure.kind !== 'service') return faultGate('CreateFoundationModelAgreement', failure)
  return verdict(
    'fail',
    'agreement-create-failed',
    `Creating the agreement failed: ${failure.name}: ${failure.message}`,
    e
  )
}

/**
 * The model's lifecycle: closed once its end of life has passed; a warning, with the dates, while it is Legacy or
 * when its end of life is within eol-warning-days; nothing to say for an ACTIVE model with no end in sight.
 */
function lifecycleVerdict(e: Evidence): GateResult | undefined {
  const lifecycle = e.details.state === 'ok' ? e.details.value.lifecycle : undefined
  if (!lifecycle) return undefined
  const dates = lifecycleDates(lifecycle)
  const days = daysToEndOfLife(lifecycle, e.now)
  if (days !== undefined && days <= 0)
    return verdict('fail', 'model-end-of-life', `${e.baseModelId} has reached end of life (${dates})`, e)
  const left = days === undefined ? '' : `, ${days} day${days === 1 ? '' : 's'} before end of life`
  if (lifecycle.status === 'legacy')
    return verdict('warn', 'model-legacy', `${e.baseModelId} is Legacy (${dates}${left})`, e)
  if (days !== undefined && days <= (e.eolWarningDays ?? DEFAULT_EOL_WARNING_DAYS))
    return verdict(
      'warn',
      'model-eol-soon',
      `${e.baseModelId} reaches end of life in ${days} days (${dates})`,
      e
    )
  return undefined
}

/** A refused call on this gate; a lifecycle refusal names the published dates. */
function modelAccessFromRefusal(e: Evidence, { failure, diagnosis }: Refusal): GateResult {
  const gate = fromCatalogue(e, failure, diagnosis)
  const lifecycle = e.details.state === 'ok' ? e.details.value.lifecycle : undefined
  const lifecycleRow = gate.cause === 'model-legacy-inactive' || gate.cause === 'model-end-of-life'
  return lifecycleRow && lifecycle
    ? { ...gate, detail: `${gate.detail} (${lifecycleDates(lifecycle)})` }
    : gate
}
