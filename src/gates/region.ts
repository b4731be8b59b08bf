/**
 * The region gate: is the model offered where the call goes, under the ID the workflow uses? An inference
 * profile must exist in the region; a base model ID must be offered there and be invocable on demand. A refused
 * call names this gate for an ID Bedrock does not know here, or one that needs a profile.
 */
import type { Cause } from '../causes/index.js'
import type { Evidence } from '../evidence.js'
import type { GateResult } from '../types.js'
import {
  controlPlaneAfterCall,
  faultGate,
  fromCatalogue,
  unreadGate,
  verdict,
  type GateRules
} from './common.js'

/** Region verdicts whose fix is best shown with the inference profiles that would reach the model. */
const PROFILE_HINT_CAUSES: ReadonlySet<Cause> = new Set<Cause>([
  'on-demand-unsupported',
  'region-not-offered',
  'profile-not-found',
  'invalid-model-id'
])

export const regionGate: GateRules = {
  name: 'region',
  fromEvidence: e => decideRegion(e),
  afterCall: controlPlaneAfterCall('region', (e, { failure, diagnosis }) =>
    fromCatalogue(e, failure, diagnosis)
  )
}

export function decideRegion(e: Evidence): GateResult {
  return e.isProfile ? profileRegion(e) : baseModelRegion(e)
}

/** Whether the region verdict's fix is best shown with the profiles in the region that reach the model. */
export function wantsProfileHint(region: GateResult): boolean {
  return region.status === 'fail' && region.cause !== undefined && PROFILE_HINT_CAUSES.has(region.cause)
}

/** A profile exists in its geography's source regions only, and routes to its destinations from there. */
function profileRegion(e: Evidence): GateResult {
  const profile = e.profile
  switch (profile.state) {
    case 'ok':
      return {
        status: 'pass',
        detail: profile.value.global
          ? `Profile routes globally: to any commercial region, from ${e.region}`
          : `Profile routes to ${profile.value.destinationRegions.join(', ') || 'its destination regions'}`
      }
    case 'not-found':
      return verdict(
        'fail',
        e.profileId?.includes(':application-inference-profile/')
          ? 'application-profile-not-found'
          : 'profile-not-found',
        `Inference profile ${e.profileId} does not exist in ${e.region}`,
        e
      )
    case 'invalid':
      return malformedId(e, profile.failure.message)
    case 'failed':
      return faultGate('GetInferenceProfile', profile.failure)
    default:
      return unreadGate(profile, 'bedrock:GetInferenceProfile')
  }
}

function baseModelRegion(e: Evidence): GateResult {
  if (e.details.state === 'ok' && e.details.value.onDemand === 'not-supported') {
    const types = e.details.value.inferenceTypes.join(', ')
    return verdict(
      'fail',
      'on-demand-unsupported',
      `${e.baseModelId} cannot be invoked on demand by its base ID (inference types: ${types})`,
      e
    )
  }
  const availability = e.availability
  if (availability.state === 'invalid') return malformedId(e, availability.failure.message)
  if (availability.state !== 'ok') return unreadGate(availability, 'bedrock:GetFoundationModelAvailability')
  switch (availability.value.offered) {
    case true:
      return { status: 'pass', detail: `Offered in ${e.region}` }
    case false:
      return verdict(
        'fail',
        'region-not-offered',
        `${e.baseModelId} is not offered in ${e.region} (regionAvailability NOT_AVAILABLE)`,
        e
      )
    default:
      return {
        status: 'skip',
        cause: 'not-read',
        detail: 'GetFoundationModelAvailability did not report regionAvailability; the call is the evidence'
      }
  }
}

/** Bedrock refused the identifier itself (it does not fit the API's grammar): not offered as named, anywhere. */
function malformedId(e: Evidence, message: string): GateResult {
  return verdict('fail', 'invalid-model-id', `Bedrock refused ${e.model} as an identifier: ${message}`, e)
}
