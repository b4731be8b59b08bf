import { describe, expect, it } from '@jest/globals'
import { denied, evidence, judge, profileEvidence, refused, fixIn } from '../../../__fixtures__/evidence.js'
import type { AwsFailure } from '../../../src/evidence.js'
import { iamFromCalls } from '../../../src/gates/iam-permission.js'

const IAM_DENIAL =
  'User: arn:aws:sts::111122223333:assumed-role/ci/x is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6 because no identity-based policy allows the bedrock:InvokeModel action'

describe('IAM-permission gate', () => {
  it('passes on a successful call, naming the operation', () => {
    expect(iamFromCalls({ state: 'made', outcomes: [{ state: 'ok', call: 'invoke' }] })).toEqual({
      status: 'pass',
      detail: 'InvokeModel succeeded (bedrock:InvokeModel)'
    })
  })

  it('is not evaluated without a call, saying why', () => {
    expect(iamFromCalls({ state: 'not-run', cause: 'invoke-disabled', reason: 'invoke is false' })).toEqual({
      status: 'skip',
      cause: 'invoke-disabled',
      detail: 'Not called: invoke is false'
    })
  })

  it('a missing Allow: the fix is a least-privilege statement for the profile and every destination', () => {
    const decision = judge(profileEvidence(), refused('AccessDeniedException', IAM_DENIAL))
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
    expect(fixIn(decision.gates['iam-permission'])).toMatch(/policy below/)
  })

  it('a missing Allow for a base model: the foundation-model ARN in the region', () => {
    const decision = judge(evidence(), refused('AccessDeniedException', IAM_DENIAL))
    expect(decision.iamStatement?.Resource).toEqual([
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'
    ])
  })

  it('an SCP: no IAM statement, and the blocked destination region is named', () => {
    const decision = judge(
      profileEvidence(),
      refused(
        'AccessDeniedException',
        'User: u is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-6 with an explicit deny in a service control policy'
      )
    )
    expect(decision.gates['iam-permission']).toMatchObject({ status: 'fail', cause: 'iam-scp-deny' })
    expect(decision.gates['iam-permission'].detail).toContain('the SCP blocks us-west-2')
    expect(fixIn(decision.gates['iam-permission'])).toMatch(/cannot override an SCP/)
    expect(decision.iamStatement).toBeUndefined()
  })

  it('an SCP on the regionless route of a global profile: named, with the "unspecified" region to allow', () => {
    // The denial as users quote it for a global profile: the foundation model with no region at all.
    const decision = judge(
      profileEvidence(),
      refused(
        'AccessDeniedException',
        'User: arn:aws:sts::111111111111:assumed-role/user_role is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1 with an explicit deny in a service control policy: arn:aws:organizations::000000000000:policy/o-x/service_control_policy/p-x'
      )
    )
    const gate = decision.gates['iam-permission']
    expect(gate).toMatchObject({ status: 'fail', cause: 'iam-scp-deny' })
    expect(gate.detail).toContain('the SCP blocks the global route of this inference profile')
    expect(fixIn(gate)).toContain('aws:RequestedRegion "unspecified"')
    expect(fixIn(gate)).toContain('arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1')
    expect(fixIn(gate)).not.toContain('every destination region')
    expect(decision.iamStatement).toBeUndefined()
  })

  it.each([
    ['timeout', { kind: 'timeout', name: 'TimeoutError', message: 'timed out: socket idle' }, /timed out/],
    [
      '5xx',
      { kind: 'fault', name: 'InternalServerException', message: 'service error 500' },
      /service error/
    ],
    ['garbage', { kind: 'fault', name: 'MalformedResponse', message: 'unreadable response: x' }, /unreadable/]
  ])('a %s on the call is a warning, never a verdict', (_name, failure, words) => {
    const gate = iamFromCalls({
      state: 'made',
      outcomes: [{ state: 'failed', call: 'converse', failure: failure as AwsFailure }]
    })
    expect(gate.status).toBe('warn')
    expect(gate.detail).toMatch(words)
  })

  it('throttling after retries proves the action: Bedrock throttles after it authorized the request', () => {
    const gate = iamFromCalls({
      state: 'made',
      outcomes: [
        {
          state: 'failed',
          call: 'converse',
          failure: {
            kind: 'throttled',
            name: 'ThrottlingException',
            message: 'Too many tokens, please wait before trying again.'
          }
        }
      ]
    })
    expect(gate).toMatchObject({ status: 'pass' })
    expect(gate.detail).toBe('Converse was authorized, then throttled after retries (see Capacity)')
  })

  const STREAM_DENIAL =
    'User: arn:aws:sts::111122223333:assumed-role/ci/x is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0 because no identity-based policy allows the bedrock:InvokeModelWithResponseStream action'

  it('one call through, the other refused for its action: closed, naming both, with every asked action in the statement', () => {
    const decision = judge(evidence(), {
      state: 'made',
      outcomes: [
        { state: 'ok', call: 'converse' },
        refused('AccessDeniedException', STREAM_DENIAL, 'converse-stream')
      ]
    })
    const gate = decision.gates['iam-permission']
    expect(gate).toMatchObject({ status: 'fail', cause: 'iam-no-allow' })
    expect(gate.detail).toContain(
      'refused: ConverseStream (bedrock:InvokeModelWithResponseStream); Converse succeeded (bedrock:InvokeModel)'
    )
    expect(fixIn(gate)).toMatch(/^Allow bedrock:InvokeModelWithResponseStream:/)
    expect(decision.gates.region.status).toBe('pass')
    expect(decision.iamStatement?.Action).toEqual([
      'bedrock:InvokeModel',
      'bedrock:InvokeModelWithResponseStream'
    ])
  })

  it('one call through and the other lost to a fault: undecided, never a pass', () => {
    const gate = iamFromCalls({
      state: 'made',
      outcomes: [
        { state: 'ok', call: 'invoke' },
        {
          state: 'failed',
          call: 'invoke-stream',
          failure: { kind: 'timeout', name: 'TimeoutError', message: 'timed out' }
        }
      ]
    })
    expect(gate.status).toBe('warn')
    expect(gate.detail).toContain('InvokeModel succeeded')
  })

  it('a call not made leaves its action unproven, unless another call needed the same action', () => {
    const unproven = iamFromCalls({
      state: 'made',
      outcomes: [
        { state: 'ok', call: 'converse' },
        { state: 'not-run', call: 'invoke-stream', cause: 'invoke-body-unknown', reason: 'no body known' }
      ]
    })
    expect(unproven).toMatchObject({ status: 'skip', cause: 'invoke-body-unknown' })
    expect(unproven.detail).toMatch(/^bedrock:InvokeModelWithResponseStream not proven/)
    const covered = iamFromCalls({
      state: 'made',
      outcomes: [
        { state: 'ok', call: 'converse' },
        { state: 'not-run', call: 'invoke', cause: 'invoke-body-unknown', reason: 'no body known' }
      ]
    })
    expect(covered.status).toBe('pass')
  })

  it('the workload lists profiles: a denied listing closes the gate even when the calls got through', () => {
    const e = evidence({ profileListing: denied('bedrock:ListInferenceProfiles') })
    const decision = judge(e, { state: 'ok', call: 'invoke-stream' })
    expect(decision.gates['iam-permission']).toMatchObject({ status: 'fail', cause: 'iam-list-denied' })
    expect(decision.iamStatement).toMatchObject({ Action: ['bedrock:ListInferenceProfiles'] })
  })
})
