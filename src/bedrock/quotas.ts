/**
 * Which Service Quotas of Amazon Bedrock (service code `bedrock`) govern a call, from their names: quotas are per
 * model, per Region and per endpoint, and their names embed the model's display name (its provider and model
 * name, as GetFoundationModel gives them). Both the current and the older names are in use:
 *
 *   On-demand InvokeModel tokens per minute for ${model}            On-demand model inference tokens per minute for …
 *   Cross-Region InvokeModel tokens per minute for ${model}         Cross-region model inference tokens per minute for …
 *   Model invocation max tokens per day for ${model}                Global cross-region model inference tokens per minute for …
 *
 * (Bedrock user guide: "Quotas for the bedrock-runtime endpoint", "Request an increase for Amazon Bedrock
 * quotas"; names users quote, e.g. "Cross-region model inference tokens per minute for Anthropic Claude 3.7 Sonnet
 * V1"). A name may carry a suffix: a version ("V1"), "(doubled for cross-region calls)", or a long-context variant
 * ("1M Context Length"), which is not the quota a standard call counts against. A quota is matched only when its
 * model part is the model's display name exactly (case and spacing aside): never a guess.
 */

/** Which quota a call counts against: by base model ID (on demand), a geographic profile, or a global one. */
export type QuotaScope = 'on-demand' | 'cross-region' | 'global'

/** One quota as Service Quotas lists it, in the probe's words. */
export interface ServiceQuota {
  name: string
  code: string
  /** undefined: listed without a value (an ErrorReason), which is unknown, never zero. */
  value?: number
  adjustable?: boolean
  /** e.g. "1 MINUTE", "1 DAY", when Service Quotas gives the period. */
  period?: string
}

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

interface ParsedName {
  kind: 'per-minute' | 'per-day'
  scope?: QuotaScope
  model: string
  longContext: boolean
}

const PER_MINUTE =
  /^(on-demand|cross-region|global cross-region) (?:invokemodel|model inference) tokens per minute for (.+)$/i
const PER_DAY = /^model invocation max tokens per day for (.+)$/i

/** A Bedrock quota name read as what it governs; undefined for names of other quotas. */
export function parseQuotaName(name: string): ParsedName | undefined {
  const text = name.trim().replace(/\s+/g, ' ')
  const minute = PER_MINUTE.exec(text)
  const day = minute ? undefined : PER_DAY.exec(text)
  const raw = minute ? minute[2]! : day?.[1]
  if (raw === undefined) return undefined
  const scopes: Record<string, QuotaScope> = {
    'on-demand': 'on-demand',
    'cross-region': 'cross-region',
    'global cross-region': 'global'
  }
  const scope = minute ? scopes[minute[1]!.toLowerCase()] : undefined
  const longContext = /\b\d+\s*[KM]\b.*context|long context/i.test(raw)
  const model = raw
    .replace(/\(doubled for cross-region calls\)/i, '')
    .replace(/\b\d+\s*[KM]\s*context length\b/i, '')
    .replace(/\blong context\b/i, '')
    .trim()
  return { kind: minute ? 'per-minute' : 'per-day', ...(scope ? { scope } : {}), model, longContext }
}

/**
 * A display name as quota names spell it, for comparing: lower case, single spaces, and a trailing "v1" dropped
 * (quota names add " V1" to the first version of a model whose own name has no version).
 */
export function normaliseModelName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim().replace(/ v1$/, '')
}

/**
 * The quotas of one model in one region: the standard (not long-context) quota of the call's scope and the daily
 * one, each only when exactly one quota of that kind names the model. `applied` is what ListServiceQuotas listed
 * (a quota it left out is unknown), `defaults` what ListAWSDefaultServiceQuotas listed.
 */
export function quotasOfModel(
  displayName: string,
  scope: QuotaScope,
  applied: ServiceQuota[],
  defaults: ServiceQuota[]
): ModelQuotas {
  const wanted = normaliseModelName(displayName)
  // A quota is known by its code, from either list: the defaults list them all, the applied list leaves out a
  // quota whose applied value is not available.
  const known = new Map<string, ServiceQuota>()
  for (const quota of [...defaults, ...applied]) if (!known.has(quota.code)) known.set(quota.code, quota)
  const pick = (kind: ParsedName['kind']): QuotaPair | undefined => {
    const matching = [...known.values()].filter(quota => {
      const parsed = parseQuotaName(quota.name)
      return (
        parsed?.kind === kind &&
        !parsed.longContext &&
        (kind === 'per-day' || parsed.scope === scope) &&
        normaliseModelName(parsed.model) === wanted
      )
    })
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
