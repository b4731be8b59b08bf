/**
 * The minimal call: the cheapest request that proves every gate at once.
 * Converse with one short message, at most 16 output tokens, temperature 0; for embedding models an
 * InvokeModel with a one-word body. A 2xx answer without the expected shape is a fault, not a pass.
 */
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime'
import type { CallOutcome } from '../gates.js'
import type { InvocationPlan } from '../invocation.js'
import { attempt } from './failure.js'
import type { AwsClients } from './clients.js'

export const MINIMAL_PROMPT = 'Reply with OK.'
export const MAX_OUTPUT_TOKENS = 16

export async function minimalCall(
  clients: AwsClients,
  region: string,
  modelId: string,
  plan: Exclude<InvocationPlan, { via: 'none' }>
): Promise<CallOutcome> {
  const runtime = clients.client(BedrockRuntimeClient, region)
  if (plan.via === 'converse') {
    const outcome = await attempt(() =>
      runtime.send(
        new ConverseCommand({
          modelId,
          messages: [{ role: 'user', content: [{ text: MINIMAL_PROMPT }] }],
          inferenceConfig: { maxTokens: MAX_OUTPUT_TOKENS, temperature: 0 }
        }),
        clients.sendOptions()
      )
    )
    if (!outcome.ok) return { state: 'failed', via: 'converse', failure: outcome.failure }
    if (!outcome.value.output?.message)
      return malformed('converse', 'Converse answered without an output message')
    return { state: 'ok', via: 'converse' }
  }
  const outcome = await attempt(() =>
    runtime.send(
      new InvokeModelCommand({
        modelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: new TextEncoder().encode(JSON.stringify(plan.body))
      }),
      clients.sendOptions()
    )
  )
  if (!outcome.ok) return { state: 'failed', via: 'invoke-model', failure: outcome.failure }
  if (!outcome.value.body || outcome.value.body.length === 0) {
    return malformed('invoke-model', 'InvokeModel answered with an empty body')
  }
  return { state: 'ok', via: 'invoke-model' }
}

function malformed(via: 'converse' | 'invoke-model', message: string): CallOutcome {
  return {
    state: 'failed',
    via,
    failure: { kind: 'fault', name: 'MalformedResponse', message: `unreadable response: ${message}` }
  }
}
