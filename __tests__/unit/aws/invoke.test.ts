/** The minimal call's request shape and its reading of odd answers (aws-sdk-client-mock). */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime'
import { AwsClients } from '../../../src/aws/clients.js'
import { embeddingBody, MAX_OUTPUT_TOKENS, minimalCall } from '../../../src/aws/invoke.js'

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
})
