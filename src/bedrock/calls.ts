/**
 * The calls a workload makes to a model, and the IAM action each needs. A green probe must mean the job after
 * it works, so the probe makes the calls the job will make: a streaming client (Claude Code, Cline, Strands,
 * most chat apps) needs bedrock:InvokeModelWithResponseStream, which bedrock:InvokeModel does not grant.
 *
 * Actions per operation (Service Authorization Reference for Amazon Bedrock; Bedrock user guide, "Prerequisites
 * for running model inference"): Converse and InvokeModel are authorized as bedrock:InvokeModel, ConverseStream
 * and InvokeModelWithResponseStream as bedrock:InvokeModelWithResponseStream.
 */

import { CALLS, type CallKind } from '../types.js'

export const DEFAULT_CALLS: readonly CallKind[] = ['converse']

/** The minimal calls: one short message, at most 16 output tokens (src/aws/runtime.ts makes them). */
export const MINIMAL_PROMPT = 'Reply with OK.'
export const MAX_OUTPUT_TOKENS = 16

export const CALL_OPERATION: Record<CallKind, string> = {
  converse: 'Converse',
  'converse-stream': 'ConverseStream',
  invoke: 'InvokeModel',
  'invoke-stream': 'InvokeModelWithResponseStream'
}

export const CALL_ACTION: Record<CallKind, string> = {
  converse: 'bedrock:InvokeModel',
  invoke: 'bedrock:InvokeModel',
  'converse-stream': 'bedrock:InvokeModelWithResponseStream',
  'invoke-stream': 'bedrock:InvokeModelWithResponseStream'
}

export function isCallKind(value: string): value is CallKind {
  return (CALLS as readonly string[]).includes(value)
}

/** The IAM actions of the calls, deduplicated, InvokeModel first. */
export function actionsOf(calls: readonly CallKind[]): string[] {
  return [...new Set(calls.map(call => CALL_ACTION[call]))].sort()
}

/**
 * The smallest valid InvokeModel body for each model family, from the Bedrock user guide's "Inference request
 * parameters and response fields for foundation models" pages (model-parameters-anthropic-claude-messages,
 * -nova (messages-v1), -titan-text, -meta, -mistral-text-completion, -cohere-command-r-plus, -jamba, -deepseek,
 * -openai; embeddings: -titan-embed-text, -embed). undefined: no body is known for the family, and the probe
 * says so instead of guessing.
 */
export function invokeBody(baseModelId: string): Record<string, unknown> | undefined {
  const embedding = embeddingBody(baseModelId)
  if (embedding) return embedding
  const id = baseModelId
  const chat = [{ role: 'user', content: MINIMAL_PROMPT }]
  if (id.startsWith('anthropic.claude'))
    return { anthropic_version: 'bedrock-2023-05-31', max_tokens: MAX_OUTPUT_TOKENS, messages: chat }
  if (id.startsWith('amazon.nova'))
    return {
      schemaVersion: 'messages-v1',
      messages: [{ role: 'user', content: [{ text: MINIMAL_PROMPT }] }],
      inferenceConfig: { maxTokens: MAX_OUTPUT_TOKENS }
    }
  if (id.startsWith('amazon.titan-text'))
    return { inputText: MINIMAL_PROMPT, textGenerationConfig: { maxTokenCount: MAX_OUTPUT_TOKENS } }
  if (id.startsWith('meta.llama')) return { prompt: MINIMAL_PROMPT, max_gen_len: MAX_OUTPUT_TOKENS }
  if (id.startsWith('mistral.'))
    return { prompt: `<s>[INST] ${MINIMAL_PROMPT} [/INST]`, max_tokens: MAX_OUTPUT_TOKENS }
  if (id.startsWith('cohere.command-r')) return { message: MINIMAL_PROMPT, max_tokens: MAX_OUTPUT_TOKENS }
  if (id.startsWith('ai21.jamba')) return { messages: chat, max_tokens: MAX_OUTPUT_TOKENS }
  if (id.startsWith('deepseek.')) return { prompt: MINIMAL_PROMPT, max_tokens: MAX_OUTPUT_TOKENS }
  if (id.startsWith('openai.')) return { messages: chat, max_completion_tokens: MAX_OUTPUT_TOKENS }
  return undefined
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
