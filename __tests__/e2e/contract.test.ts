/**
 * The emulator held to AWS's own models (aws-operations.json, from the installed SDK clients' generated schemas):
 * the contract is current, every operation it holds is served and each answer conforms, pages are cut as AWS cuts
 * them, and the check itself fails on the answers no AWS endpoint gives (every e2e test's answers are checked after
 * it by __tests__/contract/after-each.ts).
 */
import { describe, expect, it, afterEach } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { EventStreamCodec } from '@smithy/core/event-streams'
import {
  BedrockClient,
  CreateFoundationModelAgreementCommand,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelAgreementOffersCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  PutUseCaseForModelAccessCommand
} from '@aws-sdk/client-bedrock'
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand
} from '@aws-sdk/client-bedrock-runtime'
import {
  ListAWSDefaultServiceQuotasCommand,
  ListServiceQuotasCommand,
  ServiceQuotasClient
} from '@aws-sdk/client-service-quotas'
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { AMBIENT_KEY, AMBIENT_SECRET, openAccount, type EmulatorState } from '../../emulator/state.js'
import { CONTRACT_OPERATIONS, contractViolations, violationsOf } from '../contract/validate.js'

const running: Emulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map(emulator => emulator.close()))
})

async function emulatorFor(state: EmulatorState = openAccount()) {
  const emulator = await startEmulator(state)
  running.push(emulator)
  const config = {
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: AMBIENT_KEY, secretAccessKey: AMBIENT_SECRET },
    maxAttempts: 1
  }
  return {
    emulator,
    bedrock: new BedrockClient(config),
    runtime: new BedrockRuntimeClient(config),
    quotas: new ServiceQuotasClient(config),
    sts: new STSClient(config)
  }
}

const SONNET = 'anthropic.claude-sonnet-4-6'
const messages = [{ role: 'user' as const, content: [{ text: 'Say OK' }] }]

describe('the contract is AWS’s, and current', () => {
  it('aws-operations.json is what the installed AWS SDK clients give (scripts/aws-contract.mjs --check)', () => {
    const check = spawnSync(process.execPath, ['scripts/aws-contract.mjs', '--check'], { encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('every operation of the contract is served, through the real SDK clients, and every answer conforms', async () => {
    const state = openAccount()
    state.iam.marketplace = true
    const { emulator, bedrock, runtime, quotas, sts } = await emulatorFor(state)
    const tokenAnswer = await fetch(`${emulator.url}/_oidc/token?audience=sts.amazonaws.com`, {
      headers: { authorization: `Bearer ${emulator.state.oidc.requestToken}` }
    })
    const { value: webIdentityToken } = (await tokenAnswer.json()) as { value: string }
    await sts.send(new GetCallerIdentityCommand({}))
    await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: emulator.state.oidc.roleArn,
        RoleSessionName: 'contract',
        WebIdentityToken: webIdentityToken
      })
    )
    await quotas.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' }))
    await quotas.send(new ListAWSDefaultServiceQuotasCommand({ ServiceCode: 'bedrock' }))
    await bedrock.send(new ListFoundationModelsCommand({}))
    await bedrock.send(new GetFoundationModelCommand({ modelIdentifier: SONNET }))
    await bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: SONNET }))
    await bedrock.send(new ListInferenceProfilesCommand({}))
    await bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: `global.${SONNET}` }))
    const { offers } = await bedrock.send(new ListFoundationModelAgreementOffersCommand({ modelId: SONNET }))
    // The open account has the agreement already: AWS's ConflictException, whose answer is held to the model too.
    await bedrock
      .send(
        new CreateFoundationModelAgreementCommand({ modelId: SONNET, offerToken: offers![0]!.offerToken! })
      )
      .catch(() => undefined)
    await bedrock.send(new PutUseCaseForModelAccessCommand({ formData: new TextEncoder().encode('{}') }))
    await bedrock.send(new GetUseCaseForModelAccessCommand({}))
    await runtime.send(new ConverseCommand({ modelId: `us.${SONNET}`, messages }))
    const stream = await runtime.send(new ConverseStreamCommand({ modelId: `us.${SONNET}`, messages }))
    for await (const event of stream.stream!) void event
    await runtime.send(new InvokeModelCommand({ modelId: `us.${SONNET}`, body: '{}' }))
    const chunks = await runtime.send(
      new InvokeModelWithResponseStreamCommand({ modelId: `us.${SONNET}`, body: '{}' })
    )
    for await (const event of chunks.body!) void event
    const served = new Set(emulator.calls.filter(call => call.modeled).map(call => call.operation))
    expect([...CONTRACT_OPERATIONS].filter(operation => !served.has(operation))).toEqual([])
    expect([...served].filter(operation => !CONTRACT_OPERATIONS.includes(operation))).toEqual([])
    expect(contractViolations(emulator.calls)).toEqual([])
  })

  it('errors conform too: each refusal the emulator gives has its operation’s error type, status and members', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['bedrock:GetFoundationModel', 'servicequotas:ListServiceQuotas']
    const { emulator, bedrock, runtime, quotas } = await emulatorFor(state)
    const refused = await Promise.all([
      bedrock.send(new GetFoundationModelCommand({ modelIdentifier: SONNET })).catch((e: Error) => e.name),
      quotas.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' })).catch((e: Error) => e.name),
      bedrock
        .send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: 'us.nope.model-v1:0' }))
        .catch((e: Error) => e.name),
      runtime.send(new ConverseCommand({ modelId: 'nope.model-v1:0', messages })).catch((e: Error) => e.name)
    ])
    expect(refused).toEqual([
      'AccessDeniedException',
      'AccessDeniedException',
      'ResourceNotFoundException',
      expect.stringMatching(/Exception$/)
    ])
    expect(emulator.calls.filter(call => (call.reply?.status ?? 0) >= 400).length).toBeGreaterThanOrEqual(4)
    expect(contractViolations(emulator.calls)).toEqual([])
  })
})

describe('pages as AWS cuts them', () => {
  it('ListInferenceProfiles honours maxResults and nextToken, to the last page', async () => {
    const state = openAccount()
    state.profilePageSize = 2
    const { emulator, bedrock } = await emulatorFor(state)
    const ids: string[] = []
    let nextToken: string | undefined
    do {
      const page = await bedrock.send(new ListInferenceProfilesCommand({ maxResults: 1000, nextToken }))
      expect(page.inferenceProfileSummaries!.length).toBeLessThanOrEqual(2)
      ids.push(...page.inferenceProfileSummaries!.map(profile => profile.inferenceProfileId!))
      nextToken = page.nextToken
    } while (nextToken)
    const all = await bedrock.send(new ListInferenceProfilesCommand({}))
    expect(all.nextToken).toBeDefined()
    expect(ids).toEqual(state.profiles.filter(p => p.regions.includes('us-east-1')).map(p => p.id))
    const one = await bedrock.send(new ListInferenceProfilesCommand({ maxResults: 1 }))
    expect(one.inferenceProfileSummaries).toHaveLength(1)
    await expect(
      bedrock.send(new ListInferenceProfilesCommand({ nextToken: 'bm90LWEtdG9rZW4' }))
    ).rejects.toMatchObject({
      name: 'ValidationException'
    })
    expect(contractViolations(emulator.calls)).toEqual([])
  })

  it('a global profile lists the regionless route and its source region, as AWS lists it', async () => {
    const { bedrock } = await emulatorFor()
    const profile = await bedrock.send(
      new GetInferenceProfileCommand({ inferenceProfileIdentifier: `global.${SONNET}` })
    )
    expect(profile.models!.map(model => model.modelArn)).toEqual([
      `arn:aws:bedrock:::foundation-model/${SONNET}`,
      `arn:aws:bedrock:us-east-1::foundation-model/${SONNET}`
    ])
  })
})

describe('the check fails on answers no AWS endpoint gives', () => {
  const answer = (operation: string, status: number, body: unknown, headers: Record<string, string> = {}) =>
    violationsOf({
      operation,
      status,
      headers: { 'content-type': 'application/json', ...headers },
      body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body))
    })
  const profile = {
    inferenceProfileName: 'p',
    inferenceProfileArn: 'arn',
    inferenceProfileId: 'p',
    models: [],
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED'
  }

  it('an answer that conforms has no violation', () => {
    expect(answer('GetInferenceProfile', 200, profile)).toEqual([])
  })

  it.each([
    [
      'an unknown member',
      { ...profile, regions: [] },
      'output.regions: not a member of GetInferenceProfileResponse'
    ],
    ['a missing required member', { ...profile, status: undefined }, 'output.status: required'],
    [
      'a value outside its enum',
      { ...profile, type: 'GLOBAL' },
      'output.type: "GLOBAL" is not one of APPLICATION, SYSTEM_DEFINED'
    ],
    ['a wrong type', { ...profile, models: 'all' }, 'output.models: a list'],
    [
      'a nested member',
      { ...profile, models: [{ arn: 'x' }] },
      'output.models[0].arn: not a member of InferenceProfileModel'
    ]
  ])('%s', (_, body, violation) => {
    const found = answer('GetInferenceProfile', 200, body)
    expect(found.some(text => text.startsWith(`GetInferenceProfile: ${violation}`))).toBe(true)
  })

  it('a status, a content-type and an error type the model does not give', () => {
    expect(answer('GetInferenceProfile', 201, profile)).toContainEqual(
      'GetInferenceProfile: status: a success is HTTP 200, not 201'
    )
    expect(answer('GetInferenceProfile', 200, profile, { 'content-type': 'text/plain' })[0]).toMatch(
      /content-type/
    )
    expect(
      answer(
        'GetInferenceProfile',
        403,
        { message: 'x' },
        { 'x-amzn-errortype': 'ResourceNotFoundException' }
      )
    ).toContainEqual('GetInferenceProfile: status: ResourceNotFoundException is sent with HTTP 404, not 403')
    expect(
      answer('GetInferenceProfile', 400, { message: 'x' }, { 'x-amzn-errortype': 'NoSuchThingException' })[0]
    ).toMatch(/NoSuchThingException is neither an error of this operation/)
    expect(answer('GetInferenceProfile', 404, { message: 'x' })).toContainEqual(
      'GetInferenceProfile: x-amzn-errortype: a restJson1 error names its type in this header'
    )
    expect(
      answer(
        'ListServiceQuotas',
        400,
        { message: 'x' },
        {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-errortype': 'AccessDeniedException'
        }
      )
    ).toContainEqual('ListServiceQuotas: body.__type: an awsJson1_1 error names its type in the body')
  })

  it('event-stream frames: an event type, an exception type and a message type the model does not define', () => {
    const codec = new EventStreamCodec(
      bytes => new TextDecoder().decode(bytes),
      text => new TextEncoder().encode(text)
    )
    const frame = (headers: Record<string, string>, body: unknown) =>
      codec.encode({
        headers: Object.fromEntries(
          Object.entries(headers).map(([k, v]) => [k, { type: 'string', value: v }])
        ),
        body: new TextEncoder().encode(JSON.stringify(body))
      })
    const stream = (...frames: Uint8Array[]) =>
      violationsOf({
        operation: 'ConverseStream',
        status: 200,
        headers: { 'content-type': 'application/vnd.amazon.eventstream' },
        body: Buffer.concat(frames)
      })
    expect(
      stream(frame({ ':message-type': 'event', ':event-type': 'messageStart' }, { role: 'assistant' }))
    ).toEqual([])
    expect(stream(frame({ ':message-type': 'event', ':event-type': 'chunk' }, {}))[0]).toMatch(
      /"chunk" is not an event of ConverseStreamOutput/
    )
    expect(
      stream(
        frame({ ':message-type': 'exception', ':exception-type': 'modelTimeoutException' }, { message: 'x' })
      )[0]
    ).toMatch(/"modelTimeoutException" is not an exception of ConverseStreamOutput/)
    expect(stream(frame({ ':message-type': 'surprise' }, {}))[0]).toMatch(
      /"surprise" is not event, exception or error/
    )
    expect(
      stream(frame({ ':message-type': 'event', ':event-type': 'messageStart' }, { role: 'robot' }))[0]
    ).toMatch(/role: "robot" is not one of/)
  })
})
