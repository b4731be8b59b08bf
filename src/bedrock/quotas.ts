/**
 * Which Service Quotas of Amazon Bedrock (service code `bedrock`) govern a call, from their names. Quotas are per
 * model, per Region and per scope, and AWS names them, not codes: the Bedrock quota codes are not documented
 * (AWS's own quota-manager prompt: "Bedrock quota codes are not publicly documented and vary by model/version"),
 * so the name is the only key AWS publishes. The families, as ListServiceQuotas lists them:
 *
 *   On-demand model inference tokens per minute for ${model}          (older: On-demand InvokeModel tokens …)
 *   Cross-region model inference tokens per minute for ${model}       (older: Cross-Region InvokeModel tokens …)
 *   Global cross-region model inference tokens per minute for ${model}
 *   Model invocation max tokens per day for ${model} (doubled for cross-region calls)   on demand and geographic
 *   Global cross-region model inference tokens per day for ${model}                      global profiles
 *   … requests per minute for ${model}     no longer enforced on bedrock-runtime (AWS release notes, 2026)
 *
 * and variants of each with "1M Context Length" (a long-context quota a standard call does not count against).
 * Sources: the Bedrock user guide's "Quotas for the bedrock-runtime endpoint" and the General Reference table, and
 * the real names collected in __fixtures__/service-quotas/, each cited there.
 *
 * The ${model} part does not spell the model as GetFoundationModel does, so both sides are reduced to the words
 * they share: provider names present or absent ("Writer AI" for providerName "Writer", "Mistral" for "Mistral AI"),
 * `+` spelled out ("Command R Plus" for "Command R+"), series and version tags ("G1 -", a first version's "V1",
 * "(25.02)" for "25.02"), hyphens for spaces ("DeepSeek R1" for "DeepSeek-R1"), case, and typos AWS itself ships
 * (KNOWN_TYPOS). Every other word must be the same, in any order: "Sonnet 4" is never "Sonnet 4.5", "Llama 3.1 8B"
 * never "70B", "3.5 Sonnet" never "3.5 Sonnet v2". The model ID is a second spelling of the same words
 * ("qwen.qwen3-coder-30b-a3b-v1:0" for "Qwen3 Coder 30B a3b V1" where the name says "Qwen3-Coder-30B-A3B-Instruct").
 * Two quotas of one kind that both match are ambiguous and neither is taken: never a guess.
 */

import type { ServiceQuota } from '../evidence.js'

/** Which quota a call counts against: by base model ID (on demand), a geographic profile, or a global one. */
export type QuotaScope = 'on-demand' | 'cross-region' | 'global'

/** What a model's call counts against in one region: the per-minute quota of its scope, and the per-day one. */
export interface ModelQuotas {
  perMinute?: QuotaPair
  perDay?: QuotaPair
}

/** A quota's applied value (ListServiceQuotas) beside its AWS default (ListAWSDefaultServiceQuotas). */
export interface QuotaPair {
  name: string
  code: string
  /** The value that applies to this account; undefined when Service Quotas did not give it. */
  applied?: number
  default?: number
  adjustable?: boolean
  period?: string
}

/** The model a quota is looked up for: GetFoundationModel's names and the base model ID. */
export interface QuotaModel {
  providerName?: string
  modelName?: string
  modelId?: string
}

/** What a quota name says it governs. */
export interface ParsedName {
  kind: 'per-minute' | 'per-day'
  /** What is counted: tokens (input and output together), only one of them, or requests. */
  unit: 'tokens' | 'input-tokens' | 'output-tokens' | 'requests'
  /** The scope: per-day quotas named "Model invocation max tokens per day" cover on demand and geographic. */
  scopes: QuotaScope[]
  model: string
  longContext: boolean
}

const FAMILY =
  /^(on-demand|cross-region|global cross-region) (?:invokemodel|model inference) (tokens|input tokens|output tokens|requests) per (minute|day) for (.+)$/i
const MAX_PER_DAY = /^model invocation max tokens per day for (.+)$/i

/** A Bedrock quota name read as what it governs; undefined for names of other quotas (batch, agents, …). */
export function parseQuotaName(name: string): ParsedName | undefined {
  const text = name.trim().replace(/\s+/g, ' ')
  const family = FAMILY.exec(text)
  const maxPerDay = family ? undefined : MAX_PER_DAY.exec(text)
  if (!family && !maxPerDay) return undefined
  const raw = family ? family[4]! : maxPerDay![1]!
  const scopeWords: Record<string, QuotaScope> = {
    'on-demand': 'on-demand',
    'cross-region': 'cross-region',
    'global cross-region': 'global'
  }
  const units: Record<string, ParsedName['unit']> = {
    tokens: 'tokens',
    'input tokens': 'input-tokens',
    'output tokens': 'output-tokens',
    requests: 'requests'
  }
  const longContext = /\b\d+\s*[KM]\b.*context|long context/i.test(raw)
  const model = raw
    .replace(/\(doubled for cross-region calls\)/i, '')
    .replace(/\b\d+\s*[KM]\s*context length\b/i, '')
    .replace(/\blong context\b/i, '')
    .trim()
  return {
    kind: family ? (family[3]!.toLowerCase() === 'day' ? 'per-day' : 'per-minute') : 'per-day',
    unit: family ? units[family[2]!.toLowerCase()]! : 'tokens',
    scopes: family ? [scopeWords[family[1]!.toLowerCase()]!] : ['on-demand', 'cross-region'],
    model,
    longContext
  }
}

/**
 * Provider names as quota names spell them, beside providerName: the quota may carry either, or none. Sources: the
 * names in __fixtures__/service-quotas/bedrock-quotas.ts ("Writer AI Palmyra X4 V1", "Mistral Pixtral Large 25.02
 * V1", "Stability.ai Stable Diffusion XL 1.0", "Meta Llama 3.2 3B Instruct").
 */
const PROVIDER_SPELLINGS: Record<string, string[]> = {
  anthropic: ['anthropic'],
  amazon: ['amazon'],
  meta: ['meta'],
  'mistral ai': ['mistral ai', 'mistral'],
  cohere: ['cohere'],
  'ai21 labs': ['ai21 labs', 'ai21'],
  'stability ai': ['stability.ai', 'stability ai', 'stability'],
  deepseek: ['deepseek'],
  writer: ['writer ai', 'writer'],
  openai: ['openai'],
  qwen: ['qwen'],
  google: ['google'],
  minimax: ['minimax'],
  'moonshot ai': ['moonshot ai', 'moonshot'],
  nvidia: ['nvidia'],
  'z.ai': ['z.ai', 'zai'],
  xai: ['xai'],
  twelvelabs: ['twelvelabs', 'twelve labs'],
  'luma ai': ['luma ai', 'luma']
}

/**
 * Misspellings in AWS's own quota names, read as the word AWS meant. Each is a name Service Quotas really lists:
 * "On-demand model inference tokens per minute for Mistral AI Mixtral 8X7BB Instruct" (L-490F4D1F), beside the
 * requests quota's "Mistral Mixtral 8x7b Instruct" (L-FD938632).
 */
const KNOWN_TYPOS: Record<string, string> = { '8x7bb': '8x7b' }

/** Series and version words that quota names add or drop: a first version's "v1" and Titan's "G1". */
const DROPPED_WORDS = new Set(['v1', 'g1'])

/**
 * A spelling of a model reduced to its words, sorted: lower case, `+` as "plus", hyphens, slashes, brackets and
 * " - " as spaces, a version's dots kept ("3.5", "25.02"), a trailing ".0" of a one-digit version dropped ("1.0"
 * is "1"), known typos corrected, and the series words of DROPPED_WORDS dropped.
 */
export function wordsOf(spelling: string): string {
  return spelling
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/[()[\]/,_]|\s-\s|-/g, ' ')
    .split(/\s+/)
    .filter(word => word !== '')
    .map(word => KNOWN_TYPOS[word] ?? word)
    .map(word => word.replace(/^(\d)\.0$/, '$1'))
    .filter(word => !DROPPED_WORDS.has(word))
    .sort()
    .join(' ')
}

/** The provider a spelling starts with, and what follows it; undefined when it names no provider first. */
function splitProvider(spelling: string): { provider: string; rest: string } | undefined {
  const lower = spelling.toLowerCase().trim()
  for (const [provider, spellings] of Object.entries(PROVIDER_SPELLINGS))
    for (const said of [...spellings].sort((a, b) => b.length - a.length))
      if (lower.startsWith(`${said} `)) return { provider, rest: spelling.trim().slice(said.length + 1) }
  return undefined
}

function providerKey(providerName: string | undefined): string | undefined {
  if (!providerName) return undefined
  const lower = providerName.toLowerCase().trim()
  return Object.entries(PROVIDER_SPELLINGS).find(([, spellings]) => spellings.includes(lower))?.[0] ?? lower
}

/**
 * The spellings of a model a quota name may use: its modelName, providerName + modelName, and the words of its
 * base model ID ("qwen.qwen3-32b-v1:0" → "qwen3 32b"; the provider prefix and the ":0"/"-v1" version dropped).
 */
export function spellingsOf(model: QuotaModel): Set<string> {
  const spellings = new Set<string>()
  if (model.modelName) {
    spellings.add(wordsOf(model.modelName))
    if (model.providerName) spellings.add(wordsOf(`${model.providerName} ${model.modelName}`))
  }
  if (model.modelId) {
    // A first version's "-1:0" or "-v1:0" is no word of the name; a later one ("-v2:0") is ("Titan Image Generator
    // G1 v2" is not "G1").
    const id = model.modelId
      .replace(/^[a-z0-9]+\./, '')
      .replace(/:\d+$/, '')
      .replace(/-1$/, '')
    spellings.add(wordsOf(id))
  }
  spellings.delete('')
  return spellings
}

/**
 * Whether a quota's model part names this model: its words (with the provider's name, or without it when the
 * provider is the model's own) equal one of the model's spellings. A quota that names another provider first is
 * never the model's.
 */
export function namesModel(quotaModel: string, model: QuotaModel): boolean {
  return matcherFor(model)(quotaModel)
}

/** A test of quota model parts against one model, its spellings worked out once for a whole listing. */
function matcherFor(model: QuotaModel): (quotaModel: string) => boolean {
  const spellings = spellingsOf(model)
  const own = providerKey(model.providerName)
  return quotaModel => {
    const candidates = [wordsOf(quotaModel)]
    const split = splitProvider(quotaModel)
    if (split) {
      // "Mistral 7B Instruct" starts with a provider's name and is also the whole model name: both readings
      // count, but a quota that starts with another provider's name is not this model's.
      if (own !== undefined && split.provider !== own && !spellings.has(candidates[0]!)) return false
      candidates.push(wordsOf(split.rest))
    }
    return candidates.some(candidate => spellings.has(candidate))
  }
}

/**
 * The quotas of one model in one region: the standard (not long-context) tokens quota of the call's scope per
 * minute and per day, each only when exactly one quota of that kind names the model. `applied` is what
 * ListServiceQuotas listed (a quota it left out is unknown), `defaults` what ListAWSDefaultServiceQuotas listed.
 */
export function quotasOfModel(
  model: QuotaModel,
  scope: QuotaScope,
  applied: ServiceQuota[],
  defaults: ServiceQuota[]
): ModelQuotas {
  // A quota is known by its code, from either list: the defaults list them all, the applied list leaves out a
  // quota whose applied value is not available.
  const known = new Map<string, ServiceQuota>()
  for (const quota of [...defaults, ...applied]) if (!known.has(quota.code)) known.set(quota.code, quota)
  // Each name read once: the standard tokens quotas of the call's scope that name this model.
  const names = matcherFor(model)
  const candidates = [...known.values()].flatMap(quota => {
    const parsed = parseQuotaName(quota.name)
    return parsed &&
      parsed.unit === 'tokens' &&
      !parsed.longContext &&
      parsed.scopes.includes(scope) &&
      names(parsed.model)
      ? [{ quota, kind: parsed.kind }]
      : []
  })
  const pick = (kind: ParsedName['kind']): QuotaPair | undefined => {
    const matching = candidates.filter(candidate => candidate.kind === kind).map(({ quota }) => quota)
    if (matching.length !== 1) return undefined
    const { name, code } = matching[0]!
    const current = applied.find(quota => quota.code === code)
    const standard = defaults.find(quota => quota.code === code)
    const adjustable = current?.adjustable ?? standard?.adjustable
    const period = current?.period ?? standard?.period
    return {
      name,
      code,
      ...(current?.value !== undefined ? { applied: current.value } : {}),
      ...(standard?.value !== undefined ? { default: standard.value } : {}),
      ...(adjustable !== undefined ? { adjustable } : {}),
      ...(period ? { period } : {})
    }
  }
  const perMinute = pick('per-minute')
  const perDay = pick('per-day')
  return { ...(perMinute ? { perMinute } : {}), ...(perDay ? { perDay } : {}) }
}

/** The scope a model ID's call counts against: a base model on demand, a geographic profile, a global one. */
export function quotaScopeOf(profileId: string | undefined, destinationRegions: string[] = []): QuotaScope {
  if (profileId === undefined) return 'on-demand'
  const id = profileId.includes(':inference-profile/')
    ? profileId.split(':inference-profile/')[1]!
    : profileId
  if (id.startsWith('global.')) return 'global'
  // An application profile of one region invokes on demand there; one of several regions, across them.
  if (profileId.includes(':application-inference-profile/'))
    return destinationRegions.length > 1 ? 'cross-region' : 'on-demand'
  return 'cross-region'
}
