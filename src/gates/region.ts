/**
 * The region gate: is the model offered where the call goes, under the ID the workflow uses? An inference
 * profile must exist in the region; a base model ID must be offered there and be invocable on demand.
 */
import type { Evidence } from '../evidence.js'
import type { Cause, GateResult } from '../types.js'
import { faultGate, unreadGate } from './common.js'

/** Region verdicts whose fix is best shown with the inference profiles that would reach the model. */
export const PROFILE_HINT_CAUSES: ReadonlySet<Cause> = new Set<Cause>([
  'on-demand-unsupported',
  'region-not-offered',
  'profile-not-found',
  'invalid-model-id'
])

export function decideRegion(e: Evidence): GateResult {
  return e.isProfile ? profileRegion(e) : baseModelRegion(e)
}

/** A profile exists in its geography's source regions only, and routes to its destinations from there. */
function profileRegion(e: Evidence): GateResult {
  const profile = e.profile
  switch (profile.state) {
    case 'ok':
      return {
        status: 'pass',
        detail: `Profile routes to ${profile.value.destinationRegions.join(', ') || 'its destination regions'}`
      }
    case 'not-found':
      return {
        status: 'fail',
        cause: 'profile-not-found',
        detail: `Inference profile ${e.profileId} does not exist in ${e.region}`,
        fix:
          "Cross-region profiles exist only in their geography's source regions (us. in US regions, eu. in EU regions, …); " +
          'pick a region of that geography or the profile for this one.'
      }
    case 'failed':
      return faultGate('GetInferenceProfile', profile.failure)
    default:
      return unreadGate(profile, 'bedrock:GetInferenceProfile')
  }
}

function baseModelRegion(e: Evidence): GateResult {
  if (e.details.state === 'ok' && e.details.value.onDemand === 'not-supported') {
    return {
      status: 'fail',
      cause: 'on-demand-unsupported',
      detail: `${e.baseModelId} cannot be invoked on demand by its base ID (inference types: ${e.details.value.inferenceTypes.join(', ')})`,
      fix: 'Call it through an inference profile that contains it, and allow that profile ARN in IAM.'
    }
  }
  const availability = e.availability
  if (availability.state !== 'ok') return unreadGate(availability, 'bedrock:GetFoundationModelAvailability')
  switch (availability.value.offered) {
    case true:
      return { status: 'pass', detail: `Offered in ${e.region}` }
    case false:
      return {
        status: 'fail',
        cause: 'region-not-offered',
        detail: `${e.baseModelId} is not offered in ${e.region} (regionAvailability NOT_AVAILABLE)`,
        fix: 'Use a region where the model is offered, or an inference profile that reaches it.'
      }
    default:
      return {
        status: 'skip',
        cause: 'not-read',
        detail: 'GetFoundationModelAvailability did not report regionAvailability; the call is the evidence'
      }
  }
}
