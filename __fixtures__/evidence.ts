/** Evidence for decideGates: an open check by default; each test overrides what its case is about. */
import type { AvailabilityInfo, Evidence } from '../src/gates.js'

export const NOW = new Date('2026-11-22T00:00:00Z')

export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    model: 'anthropic.claude-3-haiku-20240307-v1:0',
    region: 'us-east-1',
    isProfile: false,
    baseModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    marketplace: true,
    anthropic: true,
    account: '111122223333',
    now: NOW,
    credentials: { status: 'pass', detail: 'Authenticated' },
    profile: { state: 'not-read', reason: 'not a profile' },
    availability: {
      state: 'ok',
      value: {
        regionAvailability: 'AVAILABLE',
        entitlementAvailability: 'AVAILABLE',
        agreementStatus: 'AVAILABLE',
        authorizationStatus: 'AUTHORIZED'
      }
    },
    foundationModel: { state: 'ok', value: { outputModalities: ['TEXT'], inferenceTypes: ['ON_DEMAND'] } },
    bootstrap: {},
    call: { state: 'ok', via: 'converse' },
    ...overrides
  }
}

export function profileEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return evidence({
    model: 'us.anthropic.claude-sonnet-4-6',
    isProfile: true,
    profileId: 'us.anthropic.claude-sonnet-4-6',
    baseModelId: 'anthropic.claude-sonnet-4-6',
    profile: {
      state: 'ok',
      value: {
        arn: 'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6',
        baseModelId: 'anthropic.claude-sonnet-4-6',
        destinationRegions: ['us-east-1', 'us-west-2'],
        modelArns: [
          'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6',
          'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-6'
        ]
      }
    },
    foundationModel: {
      state: 'ok',
      value: { outputModalities: ['TEXT'], inferenceTypes: ['INFERENCE_PROFILE'] }
    },
    ...overrides
  })
}

export const denied = (permission: string) =>
  ({
    state: 'denied',
    permission,
    failure: {
      kind: 'service',
      name: 'AccessDeniedException',
      message: `not authorized to perform: ${permission}`
    }
  }) as const

/** A readable availability: everything AVAILABLE unless overridden. */
export const available = (value: Partial<AvailabilityInfo> = {}) =>
  ({
    state: 'ok',
    value: {
      regionAvailability: 'AVAILABLE',
      entitlementAvailability: 'AVAILABLE',
      agreementStatus: 'AVAILABLE',
      authorizationStatus: 'AUTHORIZED',
      ...value
    }
  }) as const

/** The minimal call was not made (invoke: false). */
export const NO_CALL = { state: 'not-run', cause: 'invoke-disabled', reason: 'invoke is false' } as const
