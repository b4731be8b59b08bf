/**
 * The minimal calls: the cheapest request of each kind the workload makes (Converse, ConverseStream, InvokeModel,
 * InvokeModelWithResponseStream), one short message and at most 16 output tokens.
 *
 * - Converse sends maxTokens and nothing else: it is the one inference parameter Converse maps for every model,
 *   while sampling parameters are refused by some (newer Claude models refuse temperature; xAI models "doesn't
 *   support the temperature field"), which would blame the account for the probe's own request.
 * - InvokeModel takes the provider's own body, so each family has its smallest valid one (src/bedrock/calls.ts).
 * - A stream is read to its end within the request timeout; an exception that arrives inside it (the SDK throws it
 *   from the iterator) is a failure like any other. A 2xx answer without the expected shape is a fault, not a pass.
 */
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand
} from '@aws-sdk/client-bedrock-runtime'
import { MAX_OUTPUT_TOKENS, MINIMAL_PROMPT } from '../bedrock/calls.js'
import type { AwsFailure, CallOutcome, CallRequest } from '../evidence.js'
import type { ServiceTier } from '../types.js'
import type { AwsClients } from './clients.js'
import { deadline } from '../support/deadline.js'
import { describeAwsError } from './failure.js'

export async function minimalCall(
  clients: AwsClients,
  region: string,
  modelId: string,
  request: CallRequest,
  /** service-tier: asked for on every call, as the workload asks for it. */
  serviceTier?: ServiceTier
): Promise<CallOutcome> {
  const { call } = request
  const tier = serviceTier ? { serviceTier: { type: serviceTier } } : {}
  const failed = (failure: AwsFailure): CallOutcome => ({ state: 'failed', call, failure })
  const messages = [{ role: 'user' as const, content: [{ text: MINIMAL_PROMPT }] }]
  const inferenceConfig = { maxTokens: MAX_OUTPUT_TOKENS }
  const invokeInput = () => ({
    modelId,
    contentType: 'application/json',
    accept: 'application/json',
    body: new TextEncoder().encode(JSON.stringify(request.body ?? {})),
    ...(serviceTier ? { serviceTier } : {})
  })

  switch (call) {
    case 'converse': {
      const outcome = await clients.send(
        BedrockRuntimeClient,
        region,
        new ConverseCommand({ modelId, messages, inferenceConfig, ...tier })
      )
      if (!outcome.ok) return failed(outcome.failure)
      return outcome.value.output?.message
        ? { state: 'ok', call }
        : failed(malformed('Converse answered without an output message'))
    }
    case 'invoke': {
      const outcome = await clients.send(BedrockRuntimeClient, region, new InvokeModelCommand(invokeInput()))
      if (!outcome.ok) return failed(outcome.failure)
      return outcome.value.body && outcome.value.body.length > 0
        ? { state: 'ok', call }
        : failed(malformed('InvokeModel answered with an empty body'))
    }
    case 'converse-stream': {
      const outcome = await clients.send(
        BedrockRuntimeClient,
        region,
        new ConverseStreamCommand({ modelId, messages, inferenceConfig, ...tier })
      )
      if (!outcome.ok) return failed(outcome.failure)
      const read = await drain(outcome.value.stream, clients.settings.requestTimeoutMs, event =>
        'messageStop' in event && event.messageStop !== undefined ? 'end' : undefined
      )
      return read === 'ok' ? { state: 'ok', call } : failed(read)
    }
    case 'invoke-stream': {
      const outcome = await clients.send(
        BedrockRuntimeClient,
        region,
        new InvokeModelWithResponseStreamCommand(invokeInput())
      )
      if (!outcome.ok) return failed(outcome.failure)
      const read = await drain(outcome.value.body, clients.settings.requestTimeoutMs, event =>
        'chunk' in event && event.chunk?.bytes && event.chunk.bytes.length > 0 ? 'chunk' : undefined
      )
      return read === 'ok' ? { state: 'ok', call } : failed(read)
    }
  }
}

/**
 * Read an event stream to its end. `mark` says which events prove an answer ('end' for ConverseStream's
 * messageStop, 'chunk' for a response chunk); a stream that ends without one is unreadable, one that throws is
 * classified like any other AWS error, and one that stalls past the request timeout is a timeout.
 */
async function drain<T>(
  stream: AsyncIterable<T> | undefined,
  timeoutMs: number,
  mark: (event: T) => 'end' | 'chunk' | undefined
): Promise<'ok' | AwsFailure> {
  if (!stream) return malformed('the stream answer had no event stream')
  const iterator = stream[Symbol.asyncIterator]()
  let proven = false
  const limit = deadline(timeoutMs)
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), limit.passed])
      if (next === 'passed') {
        void iterator.return?.()
        return {
          kind: 'timeout',
          name: 'TimeoutError',
          message: `timed out: the stream did not end within ${timeoutMs / 1000} s`
        }
      }
      if (next.done) break
      if (mark(next.value)) proven = true
    }
  } catch (error) {
    const failure = describeAwsError(error)
    // The stream was answered (HTTP 200: the request was authorized); an error the stream's model does not define
    // (an unmodeled :message-type "error" frame, a member of another stream) is the service's fault, never a refusal.
    if (failure.kind === 'service' && !STREAM_EXCEPTIONS.has(failure.name))
      return {
        kind: 'fault',
        fault: 'server',
        name: failure.name,
        message: `the stream broke off with an error its model does not define (${failure.name}): ${failure.message}`
      }
    // A ValidationException inside the stream came after the request was authorized and answered: the model's
    // failure on this request, never a refusal of the identity.
    if (failure.kind === 'service' && failure.name === 'ValidationException')
      return {
        kind: 'fault',
        fault: 'model',
        name: failure.name,
        message: `the stream broke off after the request was authorized (ValidationException): ${failure.message}`
      }
    return { ...failure, message: `the stream broke off: ${failure.message}` }
  } finally {
    limit.clear()
  }
  return proven ? 'ok' : malformed('the stream ended without an answer')
}

/**
 * The exceptions the runtime's Smithy model defines inside ConverseStream's and InvokeModelWithResponseStream's
 * event streams (ConverseStreamOutput, ResponseStream): each is read by its type like any other AWS error.
 */
const STREAM_EXCEPTIONS: ReadonlySet<string> = new Set([
  'InternalServerException',
  'ModelStreamErrorException',
  'ValidationException',
  'ThrottlingException',
  'ServiceUnavailableException',
  'ModelTimeoutException'
])

function malformed(message: string): AwsFailure {
  return {
    kind: 'fault',
    fault: 'malformed',
    name: 'MalformedResponse',
    message: `unreadable response: ${message}`
  }
}
