/**
 * The minimal call: the cheapest request that proves every gate at once.
 * Converse with one short message and at most 16 output tokens, nothing else: maxTokens is the one inference
 * parameter Converse maps for every model, while sampling parameters are refused by some (newer Claude models
 * refuse temperature; xAI models "doesn't support the temperature field"), which would blame the account for
 * the probe's own request. For embedding models an InvokeModel with a one-word body. A 2xx answer without the
 * expected shape is a fault, not a pass.
 */
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime'
import type { CallOutcome, CallRequest, CallVia } from '../evidence.js'
import type { AwsClients } from './clients.js'

export const MINIMAL_PROMPT = 'Reply with OK.'
export const MAX_OUTPUT_TOKENS = 16

export async function minimalCall(
  clients: AwsClients,
  region: string,
  modelId: string,
  request: CallRequest
): Promise<CallOutcome> {
  if (request.via === 'converse') {
    const outcome = await clients.send(
      BedrockRuntimeClient,
      region,
      new ConverseCommand({
        modelId,
        messages: [{ role: 'user', content: [{ text: MINIMAL_PROMPT }] }],
        inferenceConfig: { maxTokens: MAX_OUTPUT_TOKENS }
      })
    )
    if (!outcome.ok) return { state: 'failed', via: 'converse', failure: outcome.failure }
    if (!outcome.value.output?.message)
      return malformed('converse', 'Converse answered without an output message')
    return { state: 'ok', via: 'converse' }
  }
  const outcome = await clients.send(
    BedrockRuntimeClient,
    region,
    new InvokeModelCommand({
      modelId,
      contentType: 'application/json',
      accept: 'application/json',
      body: new TextEncoder().encode(JSON.stringify(request.body))
    })
  )
  if (!outcome.ok) return { state: 'failed', via: 'invoke-model', failure: outcome.failure }
  if (!outcome.value.body || outcome.value.body.length === 0) {
    return malformed('invoke-model', 'InvokeModel answered with an empty body')
  }
  return { state: 'ok', via: 'invoke-model' }
}

/**
 * The smallest valid InvokeModel body for the embedding families that take one synchronously
 * (Titan Text Embeddings: inputText; Cohere Embed: texts + input_type, per the Bedrock model parameters pages).
 */
export function embeddingBody(baseModelId: string): Record<string, unknown> | undefined {
  if (baseModelId.startsWith('amazon.titan-embed')) return { inputText: 'ok' }
  if (baseModelId.startsWith('cohere.embed')) return { texts: ['ok'], input_type: 'search_query' }
  return undefined
}

function malformed(via: CallVia, message: string): CallOutcome {
  return {
    state: 'failed',
    via,
    failure: { kind: 'fault', name: 'MalformedResponse', message: `unreadable response: ${message}` }
  }
}
