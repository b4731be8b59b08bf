import { describe, expect, it } from '@jest/globals'
import {
  available,
  denied,
  details,
  evidence,
  judge,
  NO_CALL,
  profileEvidence,
  fixIn
} from '../../../__fixtures__/evidence.js'
import { decideRegion } from '../../../src/gates/region.js'

describe('region gate', () => {
  it('passes a base model offered in the region', () => {
    expect(decideRegion(evidence())).toEqual({ status: 'pass', detail: 'Offered in us-east-1' })
  })

  it('fails when the model is not offered there', () => {
    const gate = decideRegion(evidence({ availability: available({ offered: false }) }))
    expect(gate).toMatchObject({ status: 'fail', cause: 'region-not-offered' })
    expect(gate.detail).toContain('regionAvailability NOT_AVAILABLE')
    expect(fixIn(gate)).toMatch(/inference profile that reaches it/)
  })

  it('leaves the verdict to the call when regionAvailability is not reported', () => {
    expect(decideRegion(evidence({ availability: available({ offered: undefined }) }))).toMatchObject({
      status: 'skip',
      cause: 'not-read'
    })
  })

  it('passes a profile whose base model is not offered in its source region (it routes elsewhere)', () => {
    const gate = judge(profileEvidence({ availability: available({ offered: false }) }), NO_CALL).gates.region
    expect(gate.status).toBe('pass')
    expect(gate.detail).toContain('us-west-2')
  })

  it('a global profile (it lists the regionless route) reads as routed globally, not as its one listed region', () => {
    const evidence = profileEvidence({
      profileId: 'global.anthropic.claude-sonnet-4-6',
      profile: {
        state: 'ok',
        value: {
          baseModelId: 'anthropic.claude-sonnet-4-6',
          modelArns: [
            'arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-6',
            'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6'
          ],
          destinationRegions: ['us-east-1'],
          global: true
        }
      }
    })
    expect(judge(evidence, NO_CALL).gates.region).toMatchObject({
      status: 'pass',
      detail: 'Profile routes globally: to any commercial region, from us-east-1'
    })
  })

  it('fails a profile that does not exist in the region', () => {
    const gate = decideRegion(
      profileEvidence({
        region: 'eu-central-1',
        profile: {
          state: 'not-found',
          failure: { kind: 'service', name: 'ResourceNotFoundException', message: 'not found' }
        }
      })
    )
    expect(gate).toMatchObject({ status: 'fail', cause: 'profile-not-found' })
    expect(gate.detail).toContain('does not exist in eu-central-1')
  })

  it("an application profile that is not found gets its own fix: its ARN's account and region, never a geography", () => {
    const arn = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/gone123'
    const gate = decideRegion(
      profileEvidence({
        model: arn,
        profileId: arn,
        profile: {
          state: 'not-found',
          failure: { kind: 'service', name: 'ResourceNotFoundException', message: 'not found' }
        }
      })
    )
    expect(gate).toMatchObject({ status: 'fail', cause: 'application-profile-not-found' })
    expect(fixIn(gate)).toContain(
      'aws bedrock list-inference-profiles --type-equals APPLICATION --region us-east-1'
    )
    expect(fixIn(gate)).toContain('(111122223333, us-east-1)')
    expect(fixIn(gate)).not.toMatch(/geography/)
  })

  it('leaves a profile it may not read to the call, naming the permission', () => {
    const gate = decideRegion(profileEvidence({ profile: denied('bedrock:GetInferenceProfile') }))
    expect(gate).toMatchObject({ status: 'skip', cause: 'read-denied' })
    expect(fixIn(gate)).toContain('bedrock:GetInferenceProfile')
  })

  it('fails a base ID that only supports inference profiles', () => {
    const gate = decideRegion(
      evidence({ details: details({ onDemand: 'not-supported', inferenceTypes: ['INFERENCE_PROFILE'] }) })
    )
    expect(gate).toMatchObject({ status: 'fail', cause: 'on-demand-unsupported' })
    expect(gate.detail).toContain('INFERENCE_PROFILE')
  })

  it('a timed-out availability read is a warning, not a verdict', () => {
    const gate = decideRegion(
      evidence({
        availability: {
          state: 'failed',
          failure: { kind: 'timeout', name: 'TimeoutError', message: 'timed out: x' }
        }
      })
    )
    expect(gate.status).toBe('warn')
    expect(gate.detail).toMatch(/timed out/)
  })
})
