/** The minimal call's request shape and its reading of odd answers (aws-sdk-client-mock). */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ModelStreamErrorException
} from '@aws-sdk/client-bedrock-runtime'
import { AwsClients } from '../../../src/aws/clients.js'
import { embeddingBody, invokeBody, MAX_OUTPUT_TOKENS } from '../../../src/bedrock/calls.js'
import { minimalCall } from '../../../src/aws/runtime.js'

const runtime = mockClient(BedrockRuntimeClient)
const clients = new AwsClients({
  requestTimeoutMs: 1000,
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
})

describe('minimalCall', () => {
  beforeEach(() => {
    runtime.reset()
  })

  it('asks for at most 16 tokens and sets no sampling parameter, with the ID as the workflow wrote it', async () => {
    runtime
      .on(ConverseCommand)
      .resolves({ output: { message: { role: 'assistant', content: [{ text: 'OK' }] } } } as never)
    expect(
      await minimalCall(clients, 'us-east-1', 'us.anthropic.claude-sonnet-4-6', { call: 'converse' })
    ).toEqual({
      state: 'ok',
      call: 'converse'
    })
    const input = runtime.commandCalls(ConverseCommand)[0]!.args[0].input
    expect(input.modelId).toBe('us.anthropic.claude-sonnet-4-6')
    expect(input.inferenceConfig).toEqual({ maxTokens: MAX_OUTPUT_TOKENS })
    expect(MAX_OUTPUT_TOKENS).toBeLessThanOrEqual(16)
  })

  it('a 200 without an output message is a fault, not a pass', async () => {
    runtime.on(ConverseCommand).resolves({} as never)
    expect(await minimalCall(clients, 'us-east-1', 'm.x', { call: 'converse' })).toMatchObject({
      state: 'failed',
      failure: { kind: 'fault', name: 'MalformedResponse' }
    })
  })

  it('sends the embedding body as JSON, and an empty answer is a fault', async () => {
    runtime.on(InvokeModelCommand).resolves({ body: new Uint8Array() } as never)
    const body = embeddingBody('amazon.titan-embed-text-v2:0')!
    const outcome = await minimalCall(clients, 'us-east-1', 'amazon.titan-embed-text-v2:0', {
      call: 'invoke',
      body
    })
    expect(outcome).toMatchObject({ state: 'failed', call: 'invoke', failure: { kind: 'fault' } })
    const input = runtime.commandCalls(InvokeModelCommand)[0]!.args[0].input
    expect(JSON.parse(new TextDecoder().decode(input.body as Uint8Array))).toEqual({ inputText: 'ok' })
    expect(input.contentType).toBe('application/json')
  })

  it('knows no body for other embedding families', () => {
    expect(embeddingBody('twelvelabs.marengo-embed-2-7-v1:0')).toBeUndefined()
  })

  it('reads a ConverseStream to its end: messageStop proves the answer', async () => {
    async function* events() {
      yield { messageStart: { role: 'assistant' } }
      yield { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'OK' } } }
      yield { messageStop: { stopReason: 'end_turn' } }
    }
    runtime.on(ConverseStreamCommand).resolves({ stream: events() } as never)
    expect(await minimalCall(clients, 'us-east-1', 'm.x', { call: 'converse-stream' })).toEqual({
      state: 'ok',
      call: 'converse-stream'
    })
  })

  it('a stream that ends without an answer is unreadable, not a pass', async () => {
    async function* events() {
      yield { messageStart: { role: 'assistant' } }
    }
    runtime.on(ConverseStreamCommand).resolves({ stream: events() } as never)
    expect(await minimalCall(clients, 'us-east-1', 'm.x', { call: 'converse-stream' })).toMatchObject({
      state: 'failed',
      failure: { kind: 'fault', fault: 'malformed' }
    })
  })

  it('the model failing inside the stream is a fault of the model, named', async () => {
    async function* events(): AsyncGenerator<object> {
      yield { chunk: { bytes: new TextEncoder().encode('{}') } }
      throw new ModelStreamErrorException({
        message: 'An error occurred while streaming the response.',
        $metadata: {}
      })
    }
    runtime.on(InvokeModelWithResponseStreamCommand).resolves({ body: events() } as never)
    const outcome = await minimalCall(clients, 'us-east-1', 'm.x', { call: 'invoke-stream', body: {} })
    expect(outcome).toMatchObject({
      state: 'failed',
      call: 'invoke-stream',
      failure: { kind: 'fault', fault: 'model', name: 'ModelStreamErrorException' }
    })
    expect((outcome as { failure: { message: string } }).failure.message).toMatch(/^the stream broke off/)
  })

  it('a stream that stalls past the request timeout is a timeout', async () => {
    const stalled = new AwsClients({
      requestTimeoutMs: 50,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
    })
    async function* events() {
      yield { messageStart: { role: 'assistant' } }
      await new Promise(resolve => setTimeout(resolve, 1000))
    }
    runtime.on(ConverseStreamCommand).resolves({ stream: events() } as never)
    expect(await minimalCall(stalled, 'us-east-1', 'm.x', { call: 'converse-stream' })).toMatchObject({
      state: 'failed',
      failure: { kind: 'timeout' }
    })
  })

  it('knows the smallest InvokeModel body of each main family, and none for others', () => {
    expect(invokeBody('anthropic.claude-sonnet-4-6')).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: MAX_OUTPUT_TOKENS,
      messages: [{ role: 'user', content: 'Reply with OK.' }]
    })
    expect(invokeBody('amazon.nova-lite-v1:0')).toMatchObject({ schemaVersion: 'messages-v1' })
    expect(invokeBody('meta.llama3-1-8b-instruct-v1:0')).toMatchObject({ max_gen_len: MAX_OUTPUT_TOKENS })
    expect(invokeBody('amazon.titan-embed-text-v2:0')).toEqual({ inputText: 'ok' })
    expect(invokeBody('writer.palmyra-x5-v1:0')).toBeUndefined()
  })
})
