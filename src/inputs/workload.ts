/**
 * Workload presets: what a known tool will really do with Bedrock, so the probe checks exactly that.
 *
 * claude-code (Claude Code, and anthropics/claude-code-action with use_bedrock): Claude Code calls Bedrock through
 * the Invoke API, streaming, and lists inference profiles. Its Bedrock documentation ("Claude Code on Amazon
 * Bedrock", IAM configuration) asks for bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream and
 * bedrock:ListInferenceProfiles; the models it calls come from ANTHROPIC_MODEL and the per-class pins
 * ANTHROPIC_DEFAULT_OPUS_MODEL / _SONNET_ / _HAIKU_ (ANTHROPIC_SMALL_FAST_MODEL is the older name of the
 * small/fast pin, and ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION the region that model is called in).
 */
import type { CallKind } from '../types.js'

export const WORKLOADS = ['claude-code'] as const
export type Workload = (typeof WORKLOADS)[number]

export interface WorkloadPreset {
  name: Workload
  calls: CallKind[]
  /** Control-plane permissions the tool needs besides invoking (each proven with one read per region). */
  listsInferenceProfiles: boolean
  /** Model IDs the job's environment names, with the variable each came from. */
  models: string[]
  /** A model that the tool calls in one region only, whatever the regions input says. */
  pinnedRegions: Map<string, string>
  /** The environment variables read for models, for messages. */
  modelVariables: string[]
}

export const CLAUDE_CODE_MODEL_VARIABLES = [
  'ANTHROPIC_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL'
] as const
const SMALL_FAST_MODEL_REGION = 'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION'

export function workloadPreset(name: Workload, env: NodeJS.ProcessEnv): WorkloadPreset {
  const models: string[] = []
  for (const variable of CLAUDE_CODE_MODEL_VARIABLES) {
    const value = env[variable]?.trim()
    if (value && !models.includes(value)) models.push(value)
  }
  const pinnedRegions = new Map<string, string>()
  const smallFast = (env.ANTHROPIC_DEFAULT_HAIKU_MODEL ?? env.ANTHROPIC_SMALL_FAST_MODEL)?.trim()
  const smallFastRegion = env[SMALL_FAST_MODEL_REGION]?.trim()
  if (smallFast && smallFastRegion) pinnedRegions.set(smallFast, smallFastRegion)
  return {
    name,
    calls: ['invoke', 'invoke-stream'],
    listsInferenceProfiles: true,
    models,
    pinnedRegions,
    modelVariables: [...CLAUDE_CODE_MODEL_VARIABLES]
  }
}
