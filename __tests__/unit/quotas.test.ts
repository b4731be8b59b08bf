/** Matching a model to its Bedrock quotas by name: both name forms, their suffixes, the call's scope, no guesses. */
import { describe, expect, it } from '@jest/globals'
import { namesModel, parseQuotaName, quotaScopeOf, quotasOfModel } from '../../src/bedrock/quotas.js'
import type { ServiceQuota } from '../../src/evidence.js'

const quota = (
  name: string,
  value?: number,
  code = `L-${name.length}${name.charCodeAt(0)}`
): ServiceQuota => ({
  name,
  code,
  ...(value !== undefined ? { value } : {}),
  adjustable: true
})

describe('quota names', () => {
  it.each([
    [
      'On-demand InvokeModel tokens per minute for Anthropic Claude 3 Haiku',
      'per-minute',
      'on-demand',
      'Anthropic Claude 3 Haiku'
    ],
    [
      'Cross-Region InvokeModel tokens per minute for Amazon Nova Lite',
      'per-minute',
      'cross-region',
      'Amazon Nova Lite'
    ],
    [
      'On-demand model inference tokens per minute for Meta Llama 3.1 8B Instruct',
      'per-minute',
      'on-demand',
      'Meta Llama 3.1 8B Instruct'
    ],
    [
      'Cross-region model inference tokens per minute for Anthropic Claude 3.7 Sonnet V1',
      'per-minute',
      'cross-region',
      'Anthropic Claude 3.7 Sonnet V1'
    ],
    [
      'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1',
      'per-minute',
      'global',
      'Anthropic Claude Sonnet 4.5 V1'
    ],
    [
      'On-demand model inference tokens per minute for Anthropic Claude 3 Haiku (doubled for cross-region calls)',
      'per-minute',
      'on-demand',
      'Anthropic Claude 3 Haiku'
    ],
    [
      'Model invocation max tokens per day for Anthropic Claude 3 Haiku',
      'per-day',
      'on-demand',
      'Anthropic Claude 3 Haiku'
    ],
    [
      'Global cross-region model inference tokens per day for Anthropic Claude Sonnet 4.5 V1',
      'per-day',
      'global',
      'Anthropic Claude Sonnet 4.5 V1'
    ]
  ])('"%s" is a %s quota (%s) of %s', (name, kind, scope, model) => {
    const parsed = parseQuotaName(name)
    expect(parsed).toMatchObject({ kind, model, unit: 'tokens', longContext: false })
    expect(parsed?.scopes).toContain(scope)
  })

  it('"Model invocation max tokens per day" covers on-demand and geographic calls, never global ones', () => {
    const parsed = parseQuotaName(
      'Model invocation max tokens per day for Anthropic Claude Sonnet 4 V1 (doubled for cross-region calls)'
    )
    expect(parsed).toMatchObject({ kind: 'per-day', model: 'Anthropic Claude Sonnet 4 V1' })
    expect(parsed?.scopes).toEqual(['on-demand', 'cross-region'])
  })

  it('tells a long-context quota from the standard one, and ignores quotas of other kinds', () => {
    expect(
      parseQuotaName(
        'On-demand InvokeModel tokens per minute for Anthropic Claude Sonnet 4.6 1M Context Length'
      )
    ).toMatchObject({ longContext: true, model: 'Anthropic Claude Sonnet 4.6' })
    // Requests per minute are named (no longer enforced on bedrock-runtime), never taken for a tokens quota.
    expect(
      parseQuotaName('On-demand model inference requests per minute for Anthropic Claude 3 Haiku')
    ).toMatchObject({ unit: 'requests', kind: 'per-minute' })
    expect(parseQuotaName('Batch inference job size (in GB)')).toBeUndefined()
  })

  it('reads a model part as the words AWS means, and never as a neighbour', () => {
    const sonnet37 = { providerName: 'Anthropic', modelName: 'Claude 3.7 Sonnet' }
    expect(namesModel('Anthropic Claude 3.7 Sonnet V1', sonnet37)).toBe(true)
    expect(namesModel('Claude 3.7 Sonnet', sonnet37)).toBe(true)
    const v2 = { providerName: 'Anthropic', modelName: 'Claude 3.5 Sonnet v2' }
    expect(namesModel('Anthropic Claude 3.5 Sonnet V2', v2)).toBe(true)
    expect(namesModel('Anthropic Claude 3.5 Sonnet', v2)).toBe(false)
    const sonnet45 = { providerName: 'Anthropic', modelName: 'Claude Sonnet 4.5' }
    expect(namesModel('Anthropic Claude Sonnet 4 V1', sonnet45)).toBe(false)
    const llama8b = { providerName: 'Meta', modelName: 'Llama 3.1 8B Instruct' }
    expect(namesModel('Meta Llama 3.1 70B Instruct', llama8b)).toBe(false)
    expect(namesModel('Meta Llama 3.1 8B Instruct', llama8b)).toBe(true)
    // Another provider's name first is never this model's.
    expect(namesModel('Cohere Command R', { providerName: 'Writer', modelName: 'Command R' })).toBe(false)
  })
})

describe('the quotas of a model', () => {
  const haiku = { providerName: 'Anthropic', modelName: 'Claude 3 Haiku' }
  const defaults = [
    quota('On-demand InvokeModel tokens per minute for Anthropic Claude 3 Haiku', 200000, 'L-OD'),
    quota('Cross-Region InvokeModel tokens per minute for Anthropic Claude 3 Haiku', 400000, 'L-CR'),
    quota('Model invocation max tokens per day for Anthropic Claude 3 Haiku', 288000000, 'L-DAY'),
    quota(
      'On-demand InvokeModel tokens per minute for Anthropic Claude 3 Haiku 1M Context Length',
      100000,
      'L-LONG'
    ),
    quota('On-demand InvokeModel tokens per minute for Anthropic Claude 3.5 Haiku', 200000, 'L-OTHER')
  ]

  it('picks the standard quota of the call scope, with its applied value beside the default', () => {
    const applied = [{ ...defaults[0]!, value: 20000 }, defaults[1]!, defaults[2]!]
    expect(quotasOfModel(haiku, 'on-demand', applied, defaults)).toEqual({
      perMinute: {
        name: 'On-demand InvokeModel tokens per minute for Anthropic Claude 3 Haiku',
        code: 'L-OD',
        applied: 20000,
        default: 200000,
        adjustable: true
      },
      perDay: {
        name: 'Model invocation max tokens per day for Anthropic Claude 3 Haiku',
        code: 'L-DAY',
        applied: 288000000,
        default: 288000000,
        adjustable: true
      }
    })
    expect(quotasOfModel(haiku, 'cross-region', applied, defaults).perMinute?.code).toBe('L-CR')
  })

  it('a quota ListServiceQuotas left out (or listed without a value) is unknown, never zero', () => {
    const perMinute = quotasOfModel(haiku, 'on-demand', [], defaults).perMinute
    expect(perMinute).toMatchObject({ code: 'L-OD', default: 200000 })
    expect(perMinute).not.toHaveProperty('applied')
    const listedWithoutValue = [{ ...defaults[0]!, value: undefined }]
    expect(quotasOfModel(haiku, 'on-demand', listedWithoutValue, defaults).perMinute).not.toHaveProperty(
      'applied'
    )
  })

  it('no quota for the scope, or two that could be it: unknown, never a guess', () => {
    expect(quotasOfModel(haiku, 'global', defaults, defaults).perMinute).toBeUndefined()
    expect(
      quotasOfModel({ providerName: 'Anthropic', modelName: 'Claude 3' }, 'on-demand', defaults, defaults)
    ).toEqual({})
    const twice = [
      ...defaults,
      quota('On-demand model inference tokens per minute for Anthropic Claude 3 Haiku', 1, 'L-DUP')
    ]
    expect(quotasOfModel(haiku, 'on-demand', twice, twice).perMinute).toBeUndefined()
  })

  it('the scope of a call: a base ID on demand, a geographic profile across Regions, a global one globally', () => {
    expect(quotaScopeOf(undefined)).toBe('on-demand')
    expect(quotaScopeOf('us.anthropic.claude-3-haiku-20240307-v1:0')).toBe('cross-region')
    expect(quotaScopeOf('global.anthropic.claude-sonnet-4-6')).toBe('global')
    expect(
      quotaScopeOf('arn:aws:bedrock:us-east-1:1:inference-profile/global.anthropic.claude-sonnet-4-6')
    ).toBe('global')
    const application = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/k7x2fq9e1abc'
    expect(quotaScopeOf(application, ['us-east-1'])).toBe('on-demand')
    expect(quotaScopeOf(application, ['us-east-1', 'us-west-2'])).toBe('cross-region')
  })
})
