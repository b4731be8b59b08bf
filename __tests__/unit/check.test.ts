/** One check's orchestration, against mocked SDK clients: what is read, what is called, and in what case. */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListInferenceProfilesCommand,
  ResourceNotFoundException
} from '@aws-sdk/client-bedrock'
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime'
import { AUTHENTICATED } from '../../__fixtures__/evidence.js'
import { AwsClients } from '../../src/aws/clients.js'
import {
  checkPair,
  closedCheck,
  memoizedProfileLookup,
  memoizedProviderModels,
  type CheckContext
} from '../../src/run/check.js'
import { realClock } from '../../src/support/clock.js'
import { buildPairs } from '../../src/inputs/models.js'
import { parseModelRef } from '../../src/bedrock/model-id.js'

const bedrock = mockClient(BedrockClient)
const runtime = mockClient(BedrockRuntimeClient)

function context(overrides: Partial<CheckContext> = {}): CheckContext {
  const clients = new AwsClients({
    requestTimeoutMs: 1000,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
  })
  return {
    clients,
    credentials: Promise.resolve({ gate: AUTHENTICATED, usable: true, account: '111122223333' }),
    invoke: true,
    speculate: false,
    calls: ['converse'],
    termsGuarded: false,
    clock: realClock,
    profileLookup: memoizedProfileLookup(clients),
    providerModels: memoizedProviderModels(clients),
    ...overrides
  }
}

const pair = (id: string, region = 'us-east-1') => buildPairs([parseModelRef(id)], [region])[0]!

function availability(modelId: string, agreement = 'AVAILABLE', region = 'AVAILABLE') {
  return {
    modelId,
    agreementAvailability: { status: agreement },
    authorizationStatus: 'AUTHORIZED',
    entitlementAvailability: 'AVAILABLE',
    regionAvailability: region
  } as never
}

const textModel = (types = ['ON_DEMAND']) =>
  ({
    modelDetails: { modelArn: 'a', modelId: 'm', outputModalities: ['TEXT'], inferenceTypesSupported: types }
  }) as never

const CONVERSE_OK = { output: { message: { role: 'assistant', content: [{ text: 'OK' }] } } } as never

describe('checkPair', () => {
  beforeEach(() => {
    bedrock.reset()
    runtime.reset()
  })

  it('reads, calls once with the ID as written, and passes every gate', async () => {
    bedrock.on(GetFoundationModelAvailabilityCommand).resolves(availability('amazon.nova-lite-v1:0'))
    bedrock.on(GetFoundationModelCommand).resolves(textModel())
    runtime.on(ConverseCommand).resolves(CONVERSE_OK)
    const check = await checkPair(pair('amazon.nova-lite-v1:0'), context())
    expect(check).toMatchObject({
      result: 'pass',
      invocation: 'converse',
      baseModelId: 'amazon.nova-lite-v1:0'
    })
    expect(runtime.commandCalls(ConverseCommand)).toHaveLength(1)
    expect(bedrock.commandCalls(ListInferenceProfilesCommand)).toHaveLength(0)
  })

  it('a profile whose base model differs from its name: the reads are redone for the base the profile names', async () => {
    bedrock.on(GetInferenceProfileCommand).resolves({
      inferenceProfileArn: 'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.meta.llama-chat',
      models: [{ modelArn: 'arn:aws:bedrock:us-west-2::foundation-model/meta.llama3-1-8b-instruct-v1:0' }]
    } as never)
    // The name suggests meta.llama-chat, which does not exist; the profile routes to another model.
    bedrock
      .on(GetFoundationModelAvailabilityCommand)
      .rejects(
        new ResourceNotFoundException({ message: 'no such model', $metadata: { httpStatusCode: 404 } })
      )
      .on(GetFoundationModelAvailabilityCommand, { modelId: 'meta.llama3-1-8b-instruct-v1:0' })
      .resolves(availability('meta.llama3-1-8b-instruct-v1:0'))
    bedrock.on(GetFoundationModelCommand).resolves(textModel())
    runtime.on(ConverseCommand).resolves(CONVERSE_OK)
    const check = await checkPair(pair('us.meta.llama-chat'), context())
    expect(check.baseModelId).toBe('meta.llama3-1-8b-instruct-v1:0')
    const readIds = bedrock
      .commandCalls(GetFoundationModelAvailabilityCommand)
      .map(call => call.args[0].input.modelId)
    expect(readIds).toContain('meta.llama3-1-8b-instruct-v1:0')
    expect(check.gates['model-access']).toMatchObject({ status: 'pass', detail: 'Entitled (AVAILABLE)' })
    expect(check.gates['provider-terms'].detail).toMatch(
      /^Not needed: the model is not sold through AWS Marketplace/
    )
  })

  it("never calls a Marketplace model whose agreement is missing: the call would accept the provider's EULA", async () => {
    bedrock
      .on(GetFoundationModelAvailabilityCommand)
      .resolves(availability('anthropic.claude-3-haiku-20240307-v1:0', 'NOT_AVAILABLE'))
    bedrock.on(GetFoundationModelCommand).resolves(textModel())
    const check = await checkPair(pair('anthropic.claude-3-haiku-20240307-v1:0'), context())
    expect(runtime.commandCalls(ConverseCommand)).toHaveLength(0)
    expect(check.invocation).toBe('none')
    expect(check.gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'would-accept-eula' })
    expect(check.gates['provider-terms']).toMatchObject({ status: 'fail', cause: 'agreement-missing' })
  })

  it('a closed region gate: no call, and the profiles in the region that reach the model', async () => {
    bedrock.on(GetFoundationModelAvailabilityCommand).resolves(availability('anthropic.claude-sonnet-4-6'))
    bedrock.on(GetFoundationModelCommand).resolves(textModel(['INFERENCE_PROFILE']))
    bedrock.on(ListInferenceProfilesCommand).resolves({
      inferenceProfileSummaries: [
        {
          inferenceProfileId: 'us.anthropic.claude-sonnet-4-6',
          models: [{ modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6' }]
        }
      ]
    } as never)
    const check = await checkPair(pair('anthropic.claude-sonnet-4-6'), context())
    expect(runtime.commandCalls(ConverseCommand)).toHaveLength(0)
    expect(check.gates.region).toMatchObject({
      status: 'fail',
      cause: 'on-demand-unsupported',
      hints: { profiles: ['us.anthropic.claude-sonnet-4-6'] }
    })
  })

  it('with invoke off, nothing is called and the IAM gate says why', async () => {
    bedrock.on(GetFoundationModelAvailabilityCommand).resolves(availability('amazon.nova-lite-v1:0'))
    bedrock.on(GetFoundationModelCommand).resolves(textModel())
    const check = await checkPair(pair('amazon.nova-lite-v1:0'), context({ invoke: false }))
    expect(runtime.calls()).toHaveLength(0)
    expect(check.gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'invoke-disabled' })
  })

  it('carries where models-from found the ID', async () => {
    bedrock.on(GetFoundationModelAvailabilityCommand).resolves(availability('amazon.nova-lite-v1:0'))
    bedrock.on(GetFoundationModelCommand).resolves(textModel())
    runtime.on(ConverseCommand).resolves(CONVERSE_OK)
    const located = { ...pair('amazon.nova-lite-v1:0'), source: { file: 'app.py', line: 3 } }
    expect((await checkPair(located, context())).source).toEqual({ file: 'app.py', line: 3 })
  })
})

describe('closedCheck', () => {
  it('keeps the credentials verdict and skips every other gate', () => {
    const check = closedCheck(pair('amazon.nova-lite-v1:0'), {
      status: 'fail',
      cause: 'credentials-invalid',
      detail: 'bad key'
    })
    expect(check.result).toBe('fail')
    expect(check.gates.credentials.cause).toBe('credentials-invalid')
    expect(check.gates.region).toMatchObject({ status: 'skip', cause: 'credentials' })
  })
})
