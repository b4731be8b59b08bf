import { describe, expect, it } from '@jest/globals'
import { available, denied, evidence, NO_CALL, profileEvidence } from '../../__fixtures__/evidence.js'
import { checkResult, decideGates, type AvailabilityInfo } from '../../src/gates.js'
import type { AwsFailure } from '../../src/aws/failure.js'

const refused = (name: string, message: string, via: 'converse' | 'invoke-model' = 'converse') =>
  ({ state: 'failed', via, failure: { kind: 'service', name, message } as AwsFailure }) as const

const IAM_DENIAL =
  'User: arn:aws:sts::111122223333:assumed-role/ci/x is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6 because no identity-based policy allows the bedrock:InvokeModel action'

describe('a successful call', () => {
  it('opens every gate', () => {
    const { gates } = decideGates(evidence())
    expect(Object.values(gates).map(gate => gate.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass'])
    expect(checkResult(gates)).toBe('pass')
  })

  it('proves gates a runtime role could not read', () => {
    const { gates } = decideGates(
      evidence({
        availability: denied('bedrock:GetFoundationModelAvailability'),
        foundationModel: denied('bedrock:GetFoundationModel')
      })
    )
    expect(gates.region.status).toBe('pass')
    expect(gates['model-access'].status).toBe('pass')
    expect(gates['provider-terms'].status).toBe('pass')
    expect(gates.region.detail).toMatch(/Proven by the call/)
  })

  it('turns a control-plane "closed" into a settling warning', () => {
    const { gates } = decideGates(
      evidence({
        availability: available({ regionAvailability: 'AVAILABLE', entitlementAvailability: 'NOT_AVAILABLE' })
      })
    )
    expect(gates['model-access'].status).toBe('warn')
    expect(gates['model-access'].fix).toMatch(/settling/)
    expect(checkResult(gates)).toBe('pass')
  })
})

describe('without control-plane reads and without a call', () => {
  it('skips, naming the permission that would make each gate definitive', () => {
    const { gates } = decideGates(
      evidence({
        availability: denied('bedrock:GetFoundationModelAvailability'),
        call: {
          state: 'not-run',
          cause: 'invoke-disabled',
          reason: 'invoke is false; only a call proves bedrock:InvokeModel'
        }
      })
    )
    expect(gates.region).toMatchObject({ status: 'skip', cause: 'read-denied' })
    expect(gates.region.fix).toContain('bedrock:GetFoundationModelAvailability')
    expect(gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'invoke-disabled' })
    expect(gates['iam-permission'].detail).toMatch(/invoke is false/)
  })
})

describe('region', () => {
  it('fails when the model is not offered there, and names profiles that reach it', () => {
    const { gates } = decideGates(
      evidence({
        availability: available({ regionAvailability: 'NOT_AVAILABLE' }),
        call: { state: 'not-run', cause: 'region-not-offered', reason: 'not offered' },
        profilesContainingModel: ['eu.anthropic.claude-3-haiku-20240307-v1:0']
      })
    )
    expect(gates.region).toMatchObject({ status: 'fail', cause: 'region-not-offered' })
    expect(gates.region.fix).toContain('eu.anthropic.claude-3-haiku-20240307-v1:0')
  })

  it('passes a profile whose base model is not offered in its source region (it routes elsewhere)', () => {
    const { gates } = decideGates(
      profileEvidence({
        availability: available({ regionAvailability: 'NOT_AVAILABLE' }),
        call: NO_CALL
      })
    )
    expect(gates.region.status).toBe('pass')
    expect(gates.region.detail).toContain('us-west-2')
  })

  it('fails a profile that does not exist in the region', () => {
    const { gates } = decideGates(
      profileEvidence({
        region: 'eu-central-1',
        profile: {
          state: 'not-found',
          failure: { kind: 'service', name: 'ResourceNotFoundException', message: 'not found' }
        },
        call: { state: 'not-run', cause: 'profile-not-found', reason: 'missing' },
        profilesContainingModel: ['eu.anthropic.claude-sonnet-4-6']
      })
    )
    expect(gates.region).toMatchObject({ status: 'fail', cause: 'profile-not-found' })
    expect(gates.region.fix).toContain('eu.anthropic.claude-sonnet-4-6')
  })

  it('fails a base ID that only supports inference profiles', () => {
    const { gates } = decideGates(
      evidence({
        foundationModel: {
          state: 'ok',
          value: { outputModalities: ['TEXT'], inferenceTypes: ['INFERENCE_PROFILE'] }
        },
        call: { state: 'not-run', cause: 'on-demand-unsupported', reason: 'x' },
        profilesContainingModel: ['us.anthropic.claude-3-haiku-20240307-v1:0']
      })
    )
    expect(gates.region).toMatchObject({ status: 'fail', cause: 'on-demand-unsupported' })
    expect(gates.region.detail).toContain('INFERENCE_PROFILE')
  })
})

describe('model access', () => {
  it('fails when the account is not entitled, with the Marketplace fix for third-party models', () => {
    const { gates } = decideGates(
      evidence({
        availability: available({
          regionAvailability: 'AVAILABLE',
          entitlementAvailability: 'NOT_AVAILABLE'
        }),
        call: NO_CALL
      })
    )
    expect(gates['model-access']).toMatchObject({ status: 'fail', cause: 'not-entitled' })
    expect(gates['model-access'].fix).toContain('aws-marketplace:Subscribe')
  })

  it('warns about a Legacy model with its dates, and fails one past end of life', () => {
    const legacy = decideGates(
      evidence({
        foundationModel: {
          state: 'ok',
          value: {
            outputModalities: ['TEXT'],
            inferenceTypes: ['ON_DEMAND'],
            lifecycle: {
              status: 'LEGACY',
              legacyTime: new Date('2025-01-21T00:00:00Z'),
              endOfLifeTime: new Date('2027-07-21T00:00:00Z')
            }
          }
        }
      })
    )
    expect(legacy.gates['model-access'].status).toBe('warn')
    expect(legacy.gates['model-access'].detail).toMatch(
      /Legacy \(legacy since 2025-01-21, end of life 2027-07-21\)/
    )
    const ended = decideGates(
      evidence({
        foundationModel: {
          state: 'ok',
          value: {
            outputModalities: ['TEXT'],
            inferenceTypes: ['ON_DEMAND'],
            lifecycle: { status: 'LEGACY', endOfLifeTime: new Date('2026-01-01T00:00:00Z') }
          }
        },
        call: NO_CALL
      })
    )
    expect(ended.gates['model-access']).toMatchObject({ status: 'fail', cause: 'model-end-of-life' })
    expect(ended.gates['model-access'].detail).toContain('end of life 2026-01-01')
  })

  it('reads a refused agreement creation as a closed model-access gate with the Marketplace policy', () => {
    const { gates } = decideGates(
      evidence({
        bootstrap: {
          agreementFailure: {
            kind: 'service',
            name: 'AccessDeniedException',
            message:
              'User: u is not authorized to perform: aws-marketplace:Subscribe on resource: * because no identity-based policy allows the aws-marketplace:Subscribe action'
          }
        },
        call: { state: 'not-run', cause: 'bootstrap-incomplete', reason: 'x' }
      })
    )
    expect(gates['model-access']).toMatchObject({ status: 'fail', cause: 'marketplace-permissions' })
    expect(gates['model-access'].fix).toContain('aws-marketplace:ViewSubscriptions')
  })
})

describe('provider terms', () => {
  const availability = (agreementStatus: string, extra: Partial<AvailabilityInfo> = {}) =>
    available({ agreementStatus, authorizationStatus: undefined, ...extra })
  const noCall = NO_CALL

  it('passes models not sold through Marketplace without an agreement', () => {
    const { gates } = decideGates(
      evidence({
        marketplace: false,
        anthropic: false,
        availability: availability('NOT_AVAILABLE'),
        call: noCall
      })
    )
    expect(gates['provider-terms'].status).toBe('pass')
  })

  it('fails with no agreement, explaining why the probe did not call', () => {
    const { gates } = decideGates(evidence({ availability: availability('NOT_AVAILABLE'), call: noCall }))
    expect(gates['provider-terms']).toMatchObject({ status: 'fail', cause: 'agreement-missing' })
    expect(gates['provider-terms'].fix).toMatch(/create-agreement: true/)
    expect(gates['provider-terms'].fix).toMatch(/EULA/)
  })

  it('warns on PENDING with the propagation note', () => {
    const { gates } = decideGates(evidence({ availability: availability('PENDING'), call: noCall }))
    expect(gates['provider-terms']).toMatchObject({ status: 'warn', cause: 'agreement-pending' })
    expect(gates['provider-terms'].fix).toMatch(/up to 15/)
  })

  it('fails on ERROR and shows the errorMessage', () => {
    const { gates } = decideGates(
      evidence({
        availability: availability('ERROR', { agreementError: 'Payment instrument declined' }),
        call: noCall
      })
    )
    expect(gates['provider-terms']).toMatchObject({ status: 'fail', cause: 'agreement-error' })
    expect(gates['provider-terms'].detail).toContain('Payment instrument declined')
  })

  it('fails an Anthropic model without the use-case form', () => {
    const { gates } = decideGates(
      evidence({
        availability: availability('AVAILABLE', { authorizationStatus: 'NOT_AUTHORIZED' }),
        call: noCall
      })
    )
    expect(gates['provider-terms']).toMatchObject({ status: 'fail', cause: 'use-case-missing' })
  })

  it('fails when the bootstrap wait timed out, with what was last seen', () => {
    const { gates } = decideGates(
      evidence({
        availability: availability('PENDING'),
        bootstrap: { agreementCreated: true, waitedSeconds: 900, waitTimedOut: 'agreement PENDING' },
        call: noCall
      })
    )
    expect(gates['provider-terms']).toMatchObject({ status: 'fail', cause: 'wait-timed-out' })
    expect(gates['provider-terms'].detail).toMatch(
      /within 900 s \(agreement created by this run\); last seen: agreement PENDING/
    )
  })
})

describe('a refused call closes the gate its error names', () => {
  it('IAM: the fix is a least-privilege statement for the profile and every destination', () => {
    const decision = decideGates(profileEvidence({ call: refused('AccessDeniedException', IAM_DENIAL) }))
    expect(decision.gates['iam-permission']).toMatchObject({ status: 'fail', cause: 'iam-no-allow' })
    expect(decision.iamStatement).toEqual({
      Sid: 'InvokeUsAnthropicClaudeSonnet46UsEast1',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel'],
      Resource: [
        'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6',
        'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6',
        'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-6'
      ]
    })
    expect(decision.gates['iam-permission'].fix).toContain('"bedrock:InvokeModel"')
  })

  it('IAM for a base model: the foundation-model ARN in the region', () => {
    const decision = decideGates(evidence({ call: refused('AccessDeniedException', IAM_DENIAL) }))
    expect(decision.iamStatement?.Resource).toEqual([
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'
    ])
  })

  it('SCP: no IAM statement, and the blocked destination region is named', () => {
    const decision = decideGates(
      profileEvidence({
        call: refused(
          'AccessDeniedException',
          'User: u is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-6 with an explicit deny in a service control policy'
        )
      })
    )
    expect(decision.gates['iam-permission']).toMatchObject({ status: 'fail', cause: 'iam-scp-deny' })
    expect(decision.gates['iam-permission'].detail).toContain('the SCP blocks us-west-2')
    expect(decision.gates['iam-permission'].fix).toMatch(/cannot override an SCP/)
    expect(decision.iamStatement).toBeUndefined()
  })

  it('Marketplace: model access closes, IAM is not blamed', () => {
    const { gates } = decideGates(
      evidence({
        call: refused(
          'AccessDeniedException',
          'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model.'
        )
      })
    )
    expect(gates['model-access'].status).toBe('fail')
    expect(gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'refused-earlier' })
  })

  it('expired credentials mid-run close the credentials gate', () => {
    const { gates } = decideGates(
      evidence({
        call: refused('ExpiredTokenException', 'The security token included in the request is expired')
      })
    )
    expect(gates.credentials).toMatchObject({ status: 'fail', cause: 'credentials-expired' })
  })

  it('expired credentials on a read close the credentials gate too', () => {
    const { gates } = decideGates(
      evidence({
        availability: {
          state: 'failed',
          failure: {
            kind: 'service',
            name: 'ExpiredTokenException',
            message: 'The security token included in the request is expired'
          }
        },
        call: { state: 'not-run', cause: 'x', reason: 'x' }
      })
    )
    expect(gates.credentials.status).toBe('fail')
  })

  it('keeps the control plane detail when both say the gate is closed', () => {
    const { gates } = decideGates(
      evidence({
        availability: available({
          regionAvailability: 'AVAILABLE',
          entitlementAvailability: 'NOT_AVAILABLE'
        }),
        call: refused(
          'AccessDeniedException',
          "You don't have access to the model with the specified model ID."
        )
      })
    )
    expect(gates['model-access'].detail).toMatch(
      /entitlementAvailability NOT_AVAILABLE.*the call said: You don't have access/
    )
  })
})

describe('faults never close a gate', () => {
  it.each([
    ['timeout', { kind: 'timeout', name: 'TimeoutError', message: 'timed out: socket idle' }, /timed out/],
    [
      '5xx',
      { kind: 'fault', name: 'InternalServerException', message: 'service error 500' },
      /service error/
    ],
    ['garbage', { kind: 'fault', name: 'MalformedResponse', message: 'unreadable response: x' }, /unreadable/]
  ])('%s on the call is a warning', (_name, failure, words) => {
    const { gates } = decideGates(
      evidence({ call: { state: 'failed', via: 'converse', failure: failure as AwsFailure } })
    )
    expect(gates['iam-permission'].status).toBe('warn')
    expect(gates['iam-permission'].detail).toMatch(words)
    expect(checkResult(gates)).toBe('pass')
  })

  it('throttling after retries is a warning: the call got past authorization', () => {
    const { gates } = decideGates(
      evidence({
        availability: denied('bedrock:GetFoundationModelAvailability'),
        call: {
          state: 'failed',
          via: 'converse',
          failure: {
            kind: 'throttled',
            name: 'ThrottlingException',
            message: 'Too many tokens, please wait before trying again.'
          }
        }
      })
    )
    expect(gates['iam-permission']).toMatchObject({ status: 'warn', cause: 'throttled' })
    expect(gates['iam-permission'].detail).toMatch(/after authorization/)
    expect(gates.region.status).toBe('pass')
  })

  it('a timed-out availability read is a warning on the control-plane gates', () => {
    const { gates } = decideGates(
      evidence({
        availability: {
          state: 'failed',
          failure: { kind: 'timeout', name: 'TimeoutError', message: 'timed out: x' }
        },
        call: NO_CALL
      })
    )
    expect(gates.region.status).toBe('warn')
    expect(gates.region.detail).toMatch(/timed out/)
  })

  it('an unrecognised answer is a warning that asks to be reported, not a verdict', () => {
    const { gates } = decideGates(
      evidence({ call: refused('ValidationException', 'Malformed input request: 1 schema violations') })
    )
    expect(gates['iam-permission']).toMatchObject({ status: 'warn', cause: 'unrecognised-error' })
  })
})

describe('non-text models', () => {
  it('a Converse refusal for a non-text model is a skip with the reason, not an access failure', () => {
    const { gates } = decideGates(
      evidence({
        call: refused(
          'ValidationException',
          "This action doesn't support the model that you provided. Try again with a supported text or chat model."
        )
      })
    )
    expect(gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'not-text-model' })
    expect(checkResult(gates)).toBe('pass')
  })
})
