import { describe, expect, it } from '@jest/globals'
import {
  AUTHENTICATED,
  available,
  denied,
  details,
  evidence,
  judge,
  NO_CALL,
  profileEvidence,
  refused,
  run,
  fixIn
} from '../../../__fixtures__/evidence.js'
import type { Evidence } from '../../../src/evidence.js'
import { planCall } from '../../../src/gates/plan.js'
import { wantsProfileHint } from '../../../src/gates/region.js'
import { decideBeforeCall, overallResult } from '../../../src/gates/sequence.js'

const plan = (e: Evidence, invoke = true, termsGuarded = false) =>
  planCall(e, decideBeforeCall(e, run(AUTHENTICATED)), { invoke, calls: ['converse'], termsGuarded })

describe('a successful call', () => {
  it('opens every gate', () => {
    const { gates } = judge(evidence())
    expect(Object.values(gates).map(gate => gate.status)).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'skip'
    ])
    // No quota was read: capacity is unknown, which changes no result.
    expect(gates.capacity.cause).toBe('quota-unknown')
    expect(overallResult(gates)).toBe('pass')
  })

  it('proves gates a runtime role could not read', () => {
    const { gates } = judge(
      evidence({
        availability: denied('bedrock:GetFoundationModelAvailability'),
        details: denied('bedrock:GetFoundationModel')
      })
    )
    expect(gates.region.status).toBe('pass')
    expect(gates['model-access'].status).toBe('pass')
    expect(gates['provider-terms'].status).toBe('pass')
    expect(gates.region.detail).toMatch(/Proven by the call/)
  })

  it('turns a control-plane "closed" into a settling warning', () => {
    const { gates } = judge(evidence({ availability: available({ entitled: false }) }))
    expect(gates['model-access'].status).toBe('warn')
    expect(fixIn(gates['model-access'])).toMatch(/settling/)
    expect(overallResult(gates)).toBe('pass')
  })
})

describe('without control-plane reads and without a call', () => {
  it('skips, naming the permission that would make each gate definitive', () => {
    const { gates } = judge(evidence({ availability: denied('bedrock:GetFoundationModelAvailability') }), {
      state: 'not-run',
      cause: 'invoke-disabled',
      reason: 'invoke is false; only a call proves bedrock:InvokeModel'
    })
    expect(gates.region).toMatchObject({ status: 'skip', cause: 'read-denied' })
    expect(fixIn(gates.region)).toContain('bedrock:GetFoundationModelAvailability')
    expect(gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'invoke-disabled' })
    expect(gates['iam-permission'].detail).toMatch(/invoke is false/)
  })
})

describe('a refused call closes the gate its error names', () => {
  it('Marketplace: model access closes, IAM is not blamed', () => {
    const { gates } = judge(
      evidence(),
      refused(
        'AccessDeniedException',
        'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model.'
      )
    )
    expect(gates['model-access'].status).toBe('fail')
    expect(gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'refused-earlier' })
  })

  it('expired credentials mid-run close the credentials gate', () => {
    const { gates } = judge(
      evidence(),
      refused('ExpiredTokenException', 'The security token included in the request is expired')
    )
    expect(gates.credentials).toMatchObject({ status: 'fail', cause: 'credentials-expired' })
  })

  it('keeps the control plane detail when both say the gate is closed', () => {
    const { gates } = judge(
      evidence({ availability: available({ entitled: false }) }),
      refused('AccessDeniedException', "You don't have access to the model with the specified model ID.")
    )
    expect(gates['model-access'].detail).toMatch(
      /entitlementAvailability NOT_AVAILABLE.*the call said: You don't have access/
    )
  })

  it('an unrecognised refusal still fails: the workload would be refused the same way', () => {
    const { gates } = judge(
      evidence(),
      refused('ValidationException', 'Malformed input request: 1 schema violations')
    )
    expect(gates['iam-permission']).toMatchObject({ status: 'fail', cause: 'unrecognised-refusal' })
    expect(gates['iam-permission'].detail).toContain(
      'ValidationException: Malformed input request: 1 schema violations'
    )
    expect(overallResult(gates)).toBe('fail')
  })

  it('a Converse refusal for a non-text model is not an access failure, and not a proof either', () => {
    const { gates } = judge(
      evidence(),
      refused(
        'ValidationException',
        "This action doesn't support the model that you provided. Try again with a supported text or chat model."
      )
    )
    expect(gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'not-text-model' })
    expect(overallResult(gates)).toBe('inconclusive')
  })

  it('throttling proves the gates a read could not', () => {
    const { gates } = judge(evidence({ availability: denied('bedrock:GetFoundationModelAvailability') }), {
      state: 'failed',
      call: 'converse',
      failure: { kind: 'throttled', name: 'ThrottlingException', message: 'Too many requests' }
    })
    expect(gates.region.status).toBe('pass')
    expect(gates['iam-permission']).toMatchObject({ status: 'pass' })
    expect(gates.capacity).toMatchObject({ status: 'warn', cause: 'throttled' })
    expect(overallResult(gates)).toBe('pass')
  })
})

describe('the call plan follows the verdicts', () => {
  it('uses Converse for text models', () => {
    expect(plan(evidence())).toEqual({ via: 'calls', requests: [{ call: 'converse' }], notRun: [] })
  })

  it('uses InvokeModel with a one-word body for Titan and Cohere embeddings', () => {
    const embedding = details({ modality: 'embedding' })
    expect(plan(evidence({ baseModelId: 'amazon.titan-embed-text-v2:0', details: embedding }))).toMatchObject(
      {
        via: 'calls',
        requests: [{ call: 'invoke', body: { inputText: 'ok' } }]
      }
    )
    expect(plan(evidence({ baseModelId: 'cohere.embed-english-v3', details: embedding }))).toMatchObject({
      via: 'calls',
      requests: [{ call: 'invoke', body: { texts: ['ok'], input_type: 'search_query' } }]
    })
    expect(
      plan(evidence({ baseModelId: 'twelvelabs.marengo-embed-2-7-v1:0', details: embedding }))
    ).toMatchObject({
      via: 'none',
      cause: 'embedding-unknown'
    })
  })

  it('never invokes image or video models (billed per output), saying why', () => {
    expect(
      plan(evidence({ baseModelId: 'stability.sd3-5-large-v1:0', details: details({ modality: 'image' }) }))
    ).toMatchObject({
      via: 'none',
      cause: 'media-model'
    })
    expect(
      plan(evidence({ baseModelId: 'amazon.nova-reel-v1:1', details: { state: 'not-read', reason: 'x' } }))
    ).toMatchObject({ via: 'none', cause: 'media-model' })
  })

  it('falls back to the ID when model details are not readable', () => {
    const e = evidence({
      baseModelId: 'amazon.titan-embed-text-v2:0',
      details: { state: 'not-read', reason: 'x' }
    })
    expect(plan(e)).toMatchObject({ via: 'calls', requests: [{ call: 'invoke' }] })
  })

  it("does not make a third-party model's first call (it would accept the EULA)", () => {
    expect(plan(evidence({ availability: available({ agreement: 'missing' }) }))).toMatchObject({
      via: 'none',
      cause: 'would-accept-eula'
    })
  })

  it('calls first-party models even without an agreement', () => {
    expect(
      plan(evidence({ marketplace: false, availability: available({ agreement: 'missing' }) })).via
    ).toBe('calls')
  })

  it('does not call what cannot work: invoke off, no credentials, a closed region gate, an incomplete bootstrap', () => {
    expect(plan(evidence(), false)).toMatchObject({ via: 'none', cause: 'invoke-disabled' })
    const e = evidence()
    expect(
      planCall(e, decideBeforeCall(e, run({ status: 'fail', detail: 'x' })), {
        invoke: true,
        calls: ['converse'],
        termsGuarded: false
      })
    ).toMatchObject({
      cause: 'credentials'
    })
    expect(
      plan(
        profileEvidence({
          profile: {
            state: 'not-found',
            failure: { kind: 'service', name: 'ResourceNotFoundException', message: '' }
          }
        })
      )
    ).toMatchObject({ cause: 'not-evaluated', reason: 'the Region gate is closed' })
    expect(
      plan(
        evidence({ details: details({ onDemand: 'not-supported', inferenceTypes: ['INFERENCE_PROFILE'] }) })
      )
    ).toMatchObject({ cause: 'not-evaluated' })
    expect(plan(evidence({ availability: available({ offered: false }) }))).toMatchObject({
      cause: 'not-evaluated'
    })
    expect(plan(evidence({ bootstrap: { formMissing: true } }))).toMatchObject({
      cause: 'bootstrap-incomplete'
    })
  })

  it('calls a profile even when its base model is profile-only', () => {
    expect(plan(profileEvidence())).toEqual({ via: 'calls', requests: [{ call: 'converse' }], notRun: [] })
  })
})

describe('hints are asked for only where they help', () => {
  it('a closed region gate wants the profiles that reach the model; other verdicts do not', () => {
    expect(
      wantsProfileHint(judge(evidence({ availability: available({ offered: false }) }), NO_CALL).gates.region)
    ).toBe(true)
    expect(wantsProfileHint(judge(evidence()).gates.region)).toBe(false)
  })
})

describe('one root cause closes one gate', () => {
  it('a model not offered in the region: model access and provider terms are not evaluated, saying why', () => {
    const { gates } = judge(
      evidence({ availability: available({ offered: false, entitled: false, agreement: 'missing' }) }),
      NO_CALL
    )
    expect(gates.region.status).toBe('fail')
    for (const gate of ['model-access', 'provider-terms'] as const) {
      expect(gates[gate]).toMatchObject({ status: 'skip', cause: 'not-evaluated' })
      expect(gates[gate].detail).toMatch(/^Not evaluated: the Region gate is closed/)
    }
  })

  it('no agreement yet: the provider-terms gate owns it, and model access does not repeat the fix', () => {
    const { gates } = judge(
      evidence({ availability: available({ entitled: false, agreement: 'missing' }) }),
      NO_CALL
    )
    expect(gates['provider-terms']).toMatchObject({ status: 'fail', cause: 'agreement-missing' })
    expect(gates['model-access']).toMatchObject({ status: 'skip', cause: 'not-evaluated' })
    expect(Object.values(gates).filter(gate => fixIn(gate)?.includes('create-agreement'))).toHaveLength(1)
  })

  it('an agreement this run just created: no gate tells the reader to create it', () => {
    const { gates } = judge(
      evidence({
        availability: available({ entitled: false, agreement: 'pending' }),
        bootstrap: { agreementCreated: true }
      }),
      NO_CALL
    )
    expect(gates['provider-terms']).toMatchObject({ status: 'warn', cause: 'agreement-pending' })
    expect(gates['model-access'].detail).toContain('the agreement this run created is still being set up')
    for (const gate of Object.values(gates))
      expect(fixIn(gate) ?? '').not.toMatch(/[Cc]reate the (model )?agreement/)
  })

  it('a first-party model not entitled keeps its own model-access verdict', () => {
    const { gates } = judge(
      evidence({ marketplace: false, availability: available({ entitled: false, agreement: 'missing' }) }),
      NO_CALL
    )
    expect(gates['model-access']).toMatchObject({ status: 'fail', cause: 'not-entitled' })
  })
})
