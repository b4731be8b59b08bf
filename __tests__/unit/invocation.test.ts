import { describe, expect, it } from '@jest/globals'
import { available, evidence, profileEvidence } from '../../__fixtures__/evidence.js'
import { chooseInvocation, embeddingBody } from '../../src/invocation.js'

const model = (outputModalities: string[], inferenceTypes = ['ON_DEMAND']) =>
  ({ state: 'ok', value: { outputModalities, inferenceTypes } }) as const

describe('chooseInvocation', () => {
  it('uses Converse for text models', () => {
    expect(chooseInvocation(evidence(), true)).toEqual({ via: 'converse' })
  })

  it('uses InvokeModel with a one-word body for Titan and Cohere embeddings', () => {
    expect(
      chooseInvocation(
        evidence({ baseModelId: 'amazon.titan-embed-text-v2:0', foundationModel: model(['EMBEDDING']) }),
        true
      )
    ).toEqual({
      via: 'invoke-model',
      body: { inputText: 'ok' }
    })
    expect(
      chooseInvocation(
        evidence({ baseModelId: 'cohere.embed-english-v3', foundationModel: model(['EMBEDDING']) }),
        true
      )
    ).toEqual({
      via: 'invoke-model',
      body: { texts: ['ok'], input_type: 'search_query' }
    })
  })

  it('never invokes image or video models (billed per output), saying why', () => {
    const image = chooseInvocation(
      evidence({ baseModelId: 'stability.sd3-5-large-v1:0', foundationModel: model(['IMAGE']) }),
      true
    )
    expect(image).toMatchObject({ via: 'none', cause: 'media-model' })
    const video = chooseInvocation(
      evidence({ baseModelId: 'amazon.nova-reel-v1:1', foundationModel: { state: 'not-read', reason: 'x' } }),
      true
    )
    expect(video).toMatchObject({ via: 'none', cause: 'media-model' })
  })

  it('falls back to the ID when model details are not readable', () => {
    const plan = chooseInvocation(
      evidence({
        baseModelId: 'amazon.titan-embed-text-v2:0',
        foundationModel: { state: 'not-read', reason: 'x' }
      }),
      true
    )
    expect(plan.via).toBe('invoke-model')
  })

  it("does not make a third-party model's first call (it would accept the EULA)", () => {
    const plan = chooseInvocation(
      evidence({
        availability: available({ regionAvailability: 'AVAILABLE', agreementStatus: 'NOT_AVAILABLE' })
      }),
      true
    )
    expect(plan).toMatchObject({ via: 'none', cause: 'would-accept-eula' })
  })

  it('calls first-party models even without an agreement', () => {
    const plan = chooseInvocation(
      evidence({
        marketplace: false,
        availability: available({ regionAvailability: 'AVAILABLE', agreementStatus: 'NOT_AVAILABLE' })
      }),
      true
    )
    expect(plan.via).toBe('converse')
  })

  it('does not call what cannot work: invoke off, no credentials, missing profile, profile-only base ID, region not offered', () => {
    expect(chooseInvocation(evidence(), false)).toMatchObject({ via: 'none', cause: 'invoke-disabled' })
    expect(chooseInvocation(evidence({ credentials: { status: 'fail', detail: 'x' } }), true)).toMatchObject({
      cause: 'credentials'
    })
    expect(
      chooseInvocation(
        profileEvidence({
          profile: {
            state: 'not-found',
            failure: { kind: 'service', name: 'ResourceNotFoundException', message: '' }
          }
        }),
        true
      )
    ).toMatchObject({ cause: 'profile-not-found' })
    expect(
      chooseInvocation(evidence({ foundationModel: model(['TEXT'], ['INFERENCE_PROFILE']) }), true)
    ).toMatchObject({ cause: 'on-demand-unsupported' })
    expect(
      chooseInvocation(
        evidence({
          availability: available({ regionAvailability: 'NOT_AVAILABLE', agreementStatus: 'AVAILABLE' })
        }),
        true
      )
    ).toMatchObject({ cause: 'region-not-offered' })
  })

  it('calls a profile even when its base model is profile-only', () => {
    expect(chooseInvocation(profileEvidence(), true)).toEqual({ via: 'converse' })
  })

  it('knows no body for other embedding families', () => {
    expect(embeddingBody('twelvelabs.marengo-embed-2-7-v1:0')).toBeUndefined()
  })
})
