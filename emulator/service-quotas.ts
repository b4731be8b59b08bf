/**
 * Service Quotas (awsJson1_1, X-Amz-Target: ServiceQuotasV20190624.*): the Bedrock quotas of a region, made from
 * the emulated models as AWS names them (the current names, or the older ones), paginated with NextToken.
 * ListServiceQuotas leaves out a quota whose applied value is not available; ListAWSDefaultServiceQuotas lists
 * AWS's defaults. The account's applied values, and the models whose day is used up, are the state's.
 */
import { createHash } from 'node:crypto'
import type { EmulatedModel, EmulatorState } from './state.js'
import { denied, jsonError, ok, type Context, type Reply } from './wire.js'

interface Quota {
  QuotaName: string
  QuotaCode: string
  ServiceCode: 'bedrock'
  Value?: number
  Adjustable: boolean
  Period?: { PeriodValue: number; PeriodUnit: 'MINUTE' | 'DAY' }
  ErrorReason?: { ErrorCode: string; ErrorMessage: string }
}

export const DEFAULT_TOKENS_PER_MINUTE = 200_000

/**
 * A model's name as its quotas spell it: the state's spelling when AWS spells it otherwise (its quota names add
 * " V1", drop or change the provider: __fixtures__/service-quotas/), else provider and model name.
 */
export function displayNameOf(model: EmulatedModel): string | undefined {
  if (model.quotaName) return model.quotaName
  return model.provider && model.name ? `${model.provider} ${model.name}` : undefined
}

/**
 * The quota names of a model that govern a call, as AWS lists them today or, with `older`, as it listed them
 * before the rename (Bedrock user guide, "Quotas for the bedrock-runtime endpoint"; real names in
 * __fixtures__/service-quotas/bedrock-quotas.ts). Only today's names have global families.
 */
export interface QuotaNames {
  onDemand: string
  crossRegion: string
  perDay: string
  global?: string
  globalPerDay?: string
  requests?: string
}

export function quotaNamesOf(model: EmulatedModel, older: boolean): QuotaNames | undefined {
  const display = displayNameOf(model)
  if (!display) return undefined
  return older
    ? {
        onDemand: `On-demand InvokeModel tokens per minute for ${display}`,
        crossRegion: `Cross-Region InvokeModel tokens per minute for ${display}`,
        perDay: `Model invocation max tokens per day for ${display}`
      }
    : {
        onDemand: `On-demand model inference tokens per minute for ${display}`,
        crossRegion: `Cross-region model inference tokens per minute for ${display}`,
        global: `Global cross-region model inference tokens per minute for ${display}`,
        perDay: `Model invocation max tokens per day for ${display} (doubled for cross-region calls)`,
        globalPerDay: `Global cross-region model inference tokens per day for ${display}`,
        requests: `On-demand model inference requests per minute for ${display}`
      }
}

function codeOf(name: string): string {
  return `L-${createHash('sha1').update(name).digest('hex').slice(0, 8).toUpperCase()}`
}

/** Every Bedrock quota of the region with its default value, sorted by name as pages are cut from it. */
function defaultQuotas(state: EmulatorState, region: string): Quota[] {
  const quotas: Quota[] = [
    {
      QuotaName: 'Batch inference job size (in GB)',
      QuotaCode: codeOf('batch'),
      ServiceCode: 'bedrock',
      Value: 5,
      Adjustable: false
    },
    {
      QuotaName: 'Cross-Model Max Tokens Per Day',
      QuotaCode: codeOf('cross-model'),
      ServiceCode: 'bedrock',
      Value: 1e9,
      Adjustable: true
    }
  ]
  for (const model of state.models) {
    if (!model.regions.includes(region)) continue
    const names = quotaNamesOf(model, state.quotas.olderNames)
    if (!names) continue
    const perMinute = model.tokensPerMinute ?? DEFAULT_TOKENS_PER_MINUTE
    const minute: Quota['Period'] = { PeriodValue: 1, PeriodUnit: 'MINUTE' }
    const add = (name: string, value: number, period: Quota['Period'] = minute) =>
      quotas.push({
        QuotaName: name,
        QuotaCode: codeOf(name),
        ServiceCode: 'bedrock',
        Value: value,
        Adjustable: true,
        Period: period
      })
    add(names.onDemand, perMinute)
    add(names.crossRegion, perMinute * 2)
    const day: Quota['Period'] = { PeriodValue: 1, PeriodUnit: 'DAY' }
    add(names.perDay, perMinute * 1440, day)
    if (names.global) add(names.global, perMinute * 2)
    if (names.globalPerDay) add(names.globalPerDay, perMinute * 2 * 1440, day)
    // Requests per minute are listed too, and no longer enforced: never the quota a call's tokens count against.
    if (names.requests) add(names.requests, 1000)
    // A long-context variant beside the standard quota: it is not the one a standard call counts against.
    if (model.longContextQuota) add(`${names.onDemand} 1M Context Length`, perMinute / 2)
  }
  return quotas.sort((a, b) => a.QuotaName.localeCompare(b.QuotaName))
}

/** The values that apply to this account: the state's, else the default; a null one is left out. */
function appliedQuotas(state: EmulatorState, region: string): Quota[] {
  return defaultQuotas(state, region).flatMap(quota => {
    const applied = state.quotas.applied[quota.QuotaName]
    if (applied === null) return []
    if (state.quotas.unavailable.includes(quota.QuotaName)) {
      const { Value: _value, ...rest } = quota
      return [
        { ...rest, ErrorReason: { ErrorCode: 'DEPENDENCY_SERVICE_ERROR', ErrorMessage: 'not available' } }
      ]
    }
    return [applied === undefined ? quota : { ...quota, Value: applied }]
  })
}

/** The account's applied per-minute quota of a model's call scope, for the runtime's throttling. */
export function appliedTokensPerMinute(
  state: EmulatorState,
  model: EmulatedModel,
  route: 'on-demand' | 'cross-region' | 'global'
): number | undefined {
  const names = quotaNamesOf(model, state.quotas.olderNames)
  if (!names) return undefined
  const name =
    route === 'global' && names.global
      ? names.global
      : route === 'on-demand'
        ? names.onDemand
        : names.crossRegion
  const applied = state.quotas.applied[name]
  return applied === null ? undefined : applied
}

function page(state: EmulatorState, quotas: Quota[], ctx: Context): Reply {
  const body = JSON.parse(ctx.body || '{}') as {
    ServiceCode?: string
    NextToken?: string
    MaxResults?: number
  }
  if (body.ServiceCode !== 'bedrock') return ok({ Quotas: [] })
  const size = Math.min(body.MaxResults ?? 100, state.quotas.pageSize)
  const start = body.NextToken ? Number(body.NextToken) : 0
  // The exception is the model's (InvalidPaginationTokenException); its wording is quoted nowhere we found: ours.
  if (!Number.isInteger(start) || start < 0)
    return jsonError(400, 'InvalidPaginationTokenException', 'Invalid token')
  const next = start + size
  return ok({
    Quotas: quotas.slice(start, next),
    ...(next < quotas.length ? { NextToken: String(next) } : {})
  })
}

export function listServiceQuotas(state: EmulatorState, ctx: Context): Reply {
  return (
    denied(state, ctx, 'servicequotas:ListServiceQuotas') ??
    page(state, appliedQuotas(state, ctx.auth!.region), ctx)
  )
}

export function listAwsDefaultServiceQuotas(state: EmulatorState, ctx: Context): Reply {
  return (
    denied(state, ctx, 'servicequotas:ListAWSDefaultServiceQuotas') ??
    page(state, defaultQuotas(state, ctx.auth!.region), ctx)
  )
}
