/**
 * What to check: the models (the models input, IDs found by models-from, a workload preset's), the regions, and
 * the model × region pairs they make; and the calls the workload makes to each.
 */
import { DEFAULT_CALLS, isCallKind } from '../bedrock/calls.js'
import { type CallKind, CALLS, SERVICE_TIERS, type ServiceTier, type SourceLocation } from '../types.js'
import { DEFAULT_EOL_WARNING_DAYS } from '../bedrock/lifecycle.js'
import {
  baseModelGuessOf,
  isAnthropicModel,
  ModelIdError,
  parseModelRef,
  REGION_SHAPE,
  type ModelRef
} from '../bedrock/model-id.js'
import { dedupe, InputError, parseChoice, parseInteger, printable, splitList } from './values.js'
import { WORKLOADS, workloadPreset, type Workload, type WorkloadPreset } from './workload.js'

export const MAX_PAIRS = 100

/** One model × region check to make; `source` is where models-from found the ID. */
export interface Pair {
  ref: ModelRef
  region: string
  source?: SourceLocation
}

/** Model IDs found elsewhere (models-from), with where each was found. */
export interface ExtraModels {
  ids: string[]
  sources: Map<string, SourceLocation>
}

export interface WhatToCheck {
  /** Every model × region to check, deduplicated; ARNs only in their own region. */
  pairs: Pair[]
  /** The calls the workload makes, each made once per check (the calls input, plus the workload preset's). */
  calls: CallKind[]
  /** Prove bedrock:ListInferenceProfiles in every region (the claude-code workload needs it). */
  listsInferenceProfiles: boolean
  /** Tokens per minute the workload needs of each model (min-tokens-per-minute): a smaller quota closes capacity. */
  minTokensPerMinute?: number
  /** eol-warning-days: an end of life this close (or closer) is a model-access warning. */
  eolWarningDays: number
  /** service-tier: the tier every call asks for, as the workload's do; none: Bedrock serves the default tier. */
  serviceTier?: ServiceTier
  /** job-minutes: how long the workload will use these credentials; the credentials gate fails if they end sooner. */
  jobMinutes?: number
  /** What the inputs ask that the probe cannot check, said as warnings when the run starts. */
  notes: string[]
}

type Get = (name: string) => string

export function readWhatToCheck(get: Get, env: NodeJS.ProcessEnv, extra: ExtraModels): WhatToCheck {
  const workload = readWorkload(get, env)
  const models = readModels(get, extra, workload)
  const regions = readRegions(get, env, models)
  const pairs = buildPairs(models, regions, extra.sources)
  if (pairs.length > MAX_PAIRS) {
    throw new InputError(
      'models',
      `and regions make ${pairs.length} model × region checks; the limit is ${MAX_PAIRS}`,
      'Split the probe into several steps or name fewer models or regions.'
    )
  }
  const need = get('min-tokens-per-minute')
  const eol = get('eol-warning-days')
  const tier = get('service-tier').trim().toLowerCase()
  const minutes = get('job-minutes')
  return {
    pairs,
    // Up to 5 days: the longest a self-hosted runner's job may run (GitHub's usage limits); hosted jobs stop at 6 h.
    ...(minutes === '' ? {} : { jobMinutes: parseInteger('job-minutes', minutes, 1, 7200) }),
    ...(tier === '' ? {} : { serviceTier: readServiceTier(tier) }),
    eolWarningDays: eol === '' ? DEFAULT_EOL_WARNING_DAYS : parseInteger('eol-warning-days', eol, 0, 3650),
    calls: readCalls(get, workload),
    notes: workload?.notes ?? [],
    listsInferenceProfiles: workload?.listsInferenceProfiles ?? false,
    ...(need === ''
      ? {}
      : { minTokensPerMinute: parseInteger('min-tokens-per-minute', need, 1, 1_000_000_000) })
  }
}

/** A tier Bedrock would refuse for its spelling is refused here, before any call, with the four it knows. */
function readServiceTier(text: string): ServiceTier {
  return parseChoice(
    'service-tier',
    text,
    SERVICE_TIERS,
    'default',
    `Use one of ${SERVICE_TIERS.join(', ')} (the tier your workload sends), or leave it empty to send none.`
  )
}

function readWorkload(get: Get, env: NodeJS.ProcessEnv): WorkloadPreset | undefined {
  const text = get('workload')
  if (text === '') return undefined
  if (!(WORKLOADS as readonly string[]).includes(text)) {
    throw new InputError(
      'workload',
      `is "${printable(text)}"`,
      `Use one of: ${WORKLOADS.join(', ')}, or leave it empty.`
    )
  }
  return workloadPreset(text as Workload, env)
}

function readModels(get: Get, extra: ExtraModels, workload: WorkloadPreset | undefined): ModelRef[] {
  const texts = dedupe([...extra.ids, ...splitList(get('models')), ...(workload?.models ?? [])])
  if (texts.length === 0) {
    throw new InputError(
      'models',
      splitList(get('models-from')).length > 0
        ? 'is empty and models-from found no model IDs'
        : workload
          ? workload.notes.length > 0
            ? `is empty and the workload names no model ID: ${workload.notes[0]!.replace(/\.$/, '')}`
            : `is empty and none of ${workload.modelVariables.join(', ')} is set`
          : 'is empty',
      'Name at least one model ID, inference-profile ID or ARN, e.g. "us.anthropic.claude-sonnet-4-6".'
    )
  }
  return texts.map(text => {
    let ref: ModelRef
    try {
      ref = parseModelRef(text)
    } catch (error) {
      if (!(error instanceof ModelIdError)) throw error
      const fix =
        error.fix ?? 'Copy the exact ID from the Bedrock console or `aws bedrock list-foundation-models`.'
      // An ID from the job's environment is named by its variable: the user never typed it into models.
      const variable = workload?.modelSources.get(text)
      if (variable && !splitList(get('models')).includes(text) && !extra.ids.includes(text))
        throw new InputError(
          'workload',
          `reads ${variable}="${printable(text)}", which ${error.message}`,
          fix
        )
      throw new InputError('models', `entry "${printable(text)}" ${error.message}`, fix)
    }
    // ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION: Claude Code calls its small/fast model in that region only.
    const pinned = workload?.pinnedRegions.get(text)
    if (pinned === undefined || ref.pinnedRegion !== undefined) return ref
    if (!REGION_SHAPE.test(pinned)) {
      throw new InputError(
        'workload',
        `reads ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION="${printable(pinned)}", which is not an AWS region`,
        'Set it to the region code Claude Code should call the small/fast model in, e.g. us-west-2.'
      )
    }
    return { ...ref, pinnedRegion: pinned }
  })
}

function readRegions(get: Get, env: NodeJS.ProcessEnv, models: ModelRef[]): string[] {
  const text = get('regions') || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || ''
  const regions = dedupe(splitList(text))
  for (const region of regions) {
    if (!REGION_SHAPE.test(region)) {
      throw new InputError(
        'regions',
        `entry "${printable(region)}" is not an AWS region`,
        'Use region codes such as us-east-1, eu-central-1 or us-gov-west-1.'
      )
    }
  }
  if (regions.length === 0 && models.some(model => model.pinnedRegion === undefined)) {
    throw new InputError(
      'regions',
      'is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set',
      'Set regions (e.g. "us-east-1, eu-central-1") or export AWS_REGION.'
    )
  }
  return regions
}

/** No default in action.yml: empty means converse, or only the workload preset's calls when one is named. */
function readCalls(get: Get, workload: WorkloadPreset | undefined): CallKind[] {
  const texts = dedupe(splitList(get('calls') || (workload ? '' : DEFAULT_CALLS.join(','))))
  for (const call of texts) {
    if (!isCallKind(call)) {
      throw new InputError(
        'calls',
        `entry "${printable(call)}" is not a call the probe knows`,
        `Use any of ${CALLS.join(', ')} (comma- or newline-separated).`
      )
    }
  }
  return dedupe([...(texts as CallKind[]), ...(workload?.calls ?? [])])
}

/** Every model × region, deduplicated; ARNs are probed in their own region only. */
export function buildPairs(
  models: ModelRef[],
  regions: string[],
  sources: ReadonlyMap<string, SourceLocation> = new Map()
): Pair[] {
  const seen = new Set<string>()
  const pairs: Pair[] = []
  for (const ref of models) {
    for (const region of ref.pinnedRegion ? [ref.pinnedRegion] : regions) {
      const key = `${ref.input}\u0000${region}`
      if (seen.has(key)) continue
      seen.add(key)
      const source = sources.get(ref.input)
      pairs.push({ ref, region, ...(source ? { source } : {}) })
    }
  }
  return pairs
}

/** The regions where an Anthropic model is probed: the use-case form is needed there. */
export function anthropicRegions(pairs: Pair[]): string[] {
  const regions = pairs
    .filter(pair => {
      const base = baseModelGuessOf(pair.ref)
      return base !== undefined && isAnthropicModel(base)
    })
    .map(pair => pair.region)
  return [...new Set(regions)]
}
