/** The control-plane reads translate AWS answers into evidence at the boundary (aws-sdk-client-mock). */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  AccessDeniedException,
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListInferenceProfilesCommand,
  ResourceNotFoundException
} from '@aws-sdk/client-bedrock'
import { AwsClients } from '../../../src/aws/clients.js'
import {
  listSystemProfiles,
  readAvailability,
  readFoundationModel,
  readProfile
} from '../../../src/aws/control-plane.js'

const bedrock = mockClient(BedrockClient)
const clients = new AwsClients({
  requestTimeoutMs: 1000,
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
})
const MODEL = 'anthropic.claude-sonnet-4-6'

describe('readAvailability', () => {
  beforeEach(() => {
    bedrock.reset()
  })

  it.each([
    ['AVAILABLE', 'live'],
    ['PENDING', 'pending'],
    ['NOT_AVAILABLE', 'missing'],
    ['ERROR', 'error']
  ])('agreement %s is %s', async (status, agreement) => {
    bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
      modelId: MODEL,
      agreementAvailability: { status: status as 'AVAILABLE', errorMessage: 'card declined' },
      authorizationStatus: 'AUTHORIZED',
      entitlementAvailability: 'AVAILABLE',
      regionAvailability: 'NOT_AVAILABLE'
    })
    const read = await readAvailability(clients, 'us-east-1', MODEL)
    expect(read).toEqual({
      state: 'ok',
      value: {
        offered: false,
        entitled: true,
        authorized: true,
        agreement,
        ...(agreement === 'error' ? { agreementError: 'card declined' } : {})
      }
    })
    expect(bedrock.commandCalls(GetFoundationModelAvailabilityCommand)[0]!.args[0].input).toEqual({
      modelId: MODEL
    })
  })

  it('keeps a state AWS has not documented as unknown, with its spelling, and leaves absent fields undecided', async () => {
    bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
      modelId: MODEL,
      agreementAvailability: { status: 'SUSPENDED' as 'AVAILABLE' }
    } as never)
    expect(await readAvailability(clients, 'us-east-1', MODEL)).toEqual({
      state: 'ok',
      value: { agreement: 'unknown', agreementReported: 'SUSPENDED' }
    })
  })

  it('a denied read is missing evidence (with the permission), a missing model is not-found', async () => {
    bedrock
      .on(GetFoundationModelAvailabilityCommand)
      .rejectsOnce(new AccessDeniedException({ message: 'no', $metadata: { httpStatusCode: 403 } }))
      .rejectsOnce(new ResourceNotFoundException({ message: 'gone', $metadata: { httpStatusCode: 404 } }))
    expect(await readAvailability(clients, 'us-east-1', MODEL)).toMatchObject({
      state: 'denied',
      permission: 'bedrock:GetFoundationModelAvailability'
    })
    expect(await readAvailability(clients, 'us-east-1', MODEL)).toMatchObject({ state: 'not-found' })
  })
})

describe('readFoundationModel', () => {
  beforeEach(() => {
    bedrock.reset()
  })

  it('translates modality, on-demand support and a Legacy lifecycle', async () => {
    const legacyTime = new Date('2025-01-21T00:00:00Z')
    bedrock.on(GetFoundationModelCommand).resolves({
      modelDetails: {
        modelArn: 'arn',
        modelId: MODEL,
        outputModalities: ['EMBEDDING'],
        inferenceTypesSupported: ['INFERENCE_PROFILE'],
        modelLifecycle: { status: 'LEGACY', legacyTime }
      }
    } as never)
    expect(await readFoundationModel(clients, 'us-east-1', MODEL)).toEqual({
      state: 'ok',
      value: {
        modality: 'embedding',
        onDemand: 'not-supported',
        inferenceTypes: ['INFERENCE_PROFILE'],
        lifecycle: { status: 'legacy', legacyTime }
      }
    })
  })

  it('keeps every lifecycle date AWS published, and leaves out one the SDK could not read', async () => {
    const startOfLifeTime = new Date('2024-03-07T00:00:00Z')
    const endOfLifeTime = new Date('2027-03-07T00:00:00Z')
    bedrock.on(GetFoundationModelCommand).resolves({
      modelDetails: {
        modelArn: 'a',
        modelId: MODEL,
        providerName: 'Anthropic',
        modelName: 'Claude 3 Haiku',
        modelLifecycle: {
          status: 'ACTIVE',
          startOfLifeTime,
          endOfLifeTime,
          legacyTime: new Date('not a date')
        }
      }
    } as never)
    const read = await readFoundationModel(clients, 'us-east-1', MODEL)
    expect(read).toMatchObject({
      state: 'ok',
      value: {
        provider: 'Anthropic',
        name: 'Claude 3 Haiku',
        lifecycle: { status: 'active', startOfLifeTime, endOfLifeTime }
      }
    })
    expect((read as { value: { lifecycle: object } }).value.lifecycle).not.toHaveProperty('legacyTime')
  })

  it('an active text model with no inference types listed: on-demand unknown, no dates', async () => {
    bedrock.on(GetFoundationModelCommand).resolves({
      modelDetails: {
        modelArn: 'a',
        modelId: MODEL,
        outputModalities: ['TEXT', 'IMAGE'],
        modelLifecycle: { status: 'ACTIVE' }
      }
    } as never)
    expect(await readFoundationModel(clients, 'us-east-1', MODEL)).toEqual({
      state: 'ok',
      value: { modality: 'text', onDemand: 'unknown', inferenceTypes: [], lifecycle: { status: 'active' } }
    })
  })
})

describe('readProfile and listSystemProfiles', () => {
  beforeEach(() => {
    bedrock.reset()
  })

  it('takes the base model and every destination region from the profile, whatever its name says', async () => {
    bedrock.on(GetInferenceProfileCommand).resolves({
      inferenceProfileArn: 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123',
      models: [
        { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0' },
        { modelArn: 'arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-lite-v1:0' }
      ]
    } as never)
    expect(
      await readProfile(
        clients,
        'us-east-1',
        'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123'
      )
    ).toEqual({
      state: 'ok',
      value: {
        arn: 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123',
        baseModelId: 'amazon.nova-lite-v1:0',
        modelArns: [
          'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
          'arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-lite-v1:0'
        ],
        destinationRegions: ['us-east-1', 'us-west-2']
      }
    })
  })

  it('a global profile lists the regionless route beside its source region: it routes globally', async () => {
    // As ListInferenceProfiles/GetInferenceProfile list "Global Anthropic Claude Opus 4.6" (a real answer).
    bedrock.on(GetInferenceProfileCommand).resolves({
      inferenceProfileArn:
        'arn:aws:bedrock:us-east-1:111122223333:inference-profile/global.anthropic.claude-opus-4-6-v1',
      models: [
        { modelArn: 'arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1' },
        { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-6-v1' }
      ]
    } as never)
    const read = await readProfile(clients, 'us-east-1', 'global.anthropic.claude-opus-4-6-v1')
    expect(read).toMatchObject({
      state: 'ok',
      value: { baseModelId: 'anthropic.claude-opus-4-6-v1', destinationRegions: ['us-east-1'], global: true }
    })
  })

  it('follows pages and keeps the profiles that route to the model, sorted', async () => {
    const profile = (id: string, base: string) => ({
      inferenceProfileId: id,
      models: [{ modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${base}` }]
    })
    bedrock
      .on(ListInferenceProfilesCommand)
      .resolvesOnce({
        inferenceProfileSummaries: [profile('us.x', MODEL), profile('us.y', 'other.m')],
        nextToken: 'p2'
      } as never)
      .resolvesOnce({ inferenceProfileSummaries: [profile('global.x', MODEL)] } as never)
    expect((await listSystemProfiles(clients, 'us-east-1')).get(MODEL)).toEqual(['global.x', 'us.x'])
    expect(bedrock.commandCalls(ListInferenceProfilesCommand)[1]!.args[0].input).toMatchObject({
      nextToken: 'p2'
    })
  })

  it('reads every page to the end, however many (real accounts page, one entry at a time if AWS says so)', async () => {
    const pages = Array.from({ length: 25 }, (_, i) => ({
      inferenceProfileSummaries: [
        {
          inferenceProfileId: `p${i}`,
          models: [{ modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${MODEL}` }]
        }
      ],
      ...(i < 24 ? { nextToken: `t${i + 1}` } : {})
    }))
    let mock = bedrock.on(ListInferenceProfilesCommand)
    for (const page of pages) mock = mock.resolvesOnce(page as never)
    expect(await listSystemProfiles(clients, 'us-east-1')).toEqual(
      new Map([[MODEL, pages.map((_, i) => `p${i}`).sort()]])
    )
  })

  it('a token seen twice ends the listing: a service that loops never hangs the probe', async () => {
    bedrock.on(ListInferenceProfilesCommand).resolves({
      inferenceProfileSummaries: [],
      nextToken: 'same'
    } as never)
    await listSystemProfiles(clients, 'us-east-1')
    expect(bedrock.commandCalls(ListInferenceProfilesCommand)).toHaveLength(2)
  })
})
