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
  /** Model IDs the job's environment names. */
  models: string[]
  /** The variable each of those IDs came from, for messages. */
  modelSources: Map<string, string>
  /** What the probe could not check of the environment, said as a warning (an alias Claude Code resolves itself). */
  notes: string[]
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

/**
 * Claude Code's model aliases (code.claude.com/docs/en/model-config, "Model aliases"): ANTHROPIC_MODEL may name one
 * instead of a model, and Claude Code calls the model the alias maps to: the ANTHROPIC_DEFAULT_*_MODEL pin of its
 * class when set, else a default of Claude Code's own that changes with its versions. Each alias lists the models
 * it calls, each as the variables that pin it (opusplan: Opus while planning, Sonnet otherwise; ANTHROPIC_SMALL_FAST_MODEL
 * is the older name of the Haiku pin); default and best are Claude Code's own choice.
 */
const CLAUDE_CODE_ALIASES: Record<string, readonly (readonly string[])[]> = {
  sonnet: [['ANTHROPIC_DEFAULT_SONNET_MODEL']],
  opus: [['ANTHROPIC_DEFAULT_OPUS_MODEL']],
  haiku: [['ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL']],
  opusplan: [['ANTHROPIC_DEFAULT_OPUS_MODEL'], ['ANTHROPIC_DEFAULT_SONNET_MODEL']],
  default: [['ANTHROPIC_MODEL']],
  best: [['ANTHROPIC_MODEL']]
}

/** A model ID each pin may hold, for the advice (IDs as Bedrock lists them; any model of the class will do). */
const PIN_EXAMPLES: Record<string, string> = {
  ANTHROPIC_MODEL: 'us.anthropic.claude-sonnet-4-6',
  ANTHROPIC_DEFAULT_SONNET_MODEL: 'us.anthropic.claude-sonnet-4-6',
  ANTHROPIC_DEFAULT_OPUS_MODEL: 'us.anthropic.claude-opus-4-6-v1',
  ANTHROPIC_DEFAULT_HAIKU_MODEL: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
  ANTHROPIC_SMALL_FAST_MODEL: 'us.anthropic.claude-haiku-4-5-20251001-v1:0'
}

/** "[1m]" after a model or alias asks Claude Code for the 1M-token context: the same model, the same access. */
const LONG_CONTEXT_SUFFIX = /\[1m\]$/i

export function workloadPreset(name: Workload, env: NodeJS.ProcessEnv): WorkloadPreset {
  const models: string[] = []
  const modelSources = new Map<string, string>()
  const notes: string[] = []
  for (const variable of CLAUDE_CODE_MODEL_VARIABLES) {
    const value = env[variable]?.trim().replace(LONG_CONTEXT_SUFFIX, '')
    if (!value) continue
    const calls = CLAUDE_CODE_ALIASES[value.toLowerCase()]
    if (calls !== undefined) {
      // An alias is not an ID to call: the pins it uses (read as variables of their own) are what Claude Code calls.
      for (const pins of calls.filter(pins => !pins.some(pin => pin !== variable && env[pin]?.trim()))) {
        const pin = pins.find(candidate => candidate !== variable) ?? variable
        notes.push(
          `${variable}=${env[variable]!.trim()} is a Claude Code alias` +
            (pin === variable ? '' : `, and ${pin} does not pin it`) +
            ': Claude Code calls a Bedrock model of its own choosing, which the probe cannot know. Set ' +
            `${pin} to the model ID it should call (e.g. ${PIN_EXAMPLES[pin] ?? 'us.anthropic.claude-sonnet-4-6'}), or name that model in ` +
            'the models input, to have it checked.'
        )
      }
      continue
    }
    if (!models.includes(value)) {
      models.push(value)
      modelSources.set(value, variable)
    }
  }
  const pinnedRegions = new Map<string, string>()
  const smallFast = (env.ANTHROPIC_DEFAULT_HAIKU_MODEL ?? env.ANTHROPIC_SMALL_FAST_MODEL)
    ?.trim()
    .replace(LONG_CONTEXT_SUFFIX, '')
  const smallFastRegion = env[SMALL_FAST_MODEL_REGION]?.trim()
  if (smallFast && smallFastRegion) pinnedRegions.set(smallFast, smallFastRegion)
  return {
    name,
    calls: ['invoke', 'invoke-stream'],
    listsInferenceProfiles: true,
    models,
    modelSources,
    notes,
    pinnedRegions,
    modelVariables: [...CLAUDE_CODE_MODEL_VARIABLES]
  }
}
