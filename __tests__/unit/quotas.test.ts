/** Matching a model to its Bedrock quotas by name: both name forms, their suffixes, the call's scope, no guesses. */
import { describe, expect, it } from '@jest/globals'
import {
  normaliseModelName,
  parseQuotaName,
  quotaScopeOf,
  quotasOfModel,
  type ServiceQuota
} from '../../src/bedrock/quotas.js'

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
      undefined,
      'Anthropic Claude 3 Haiku'
    ]
  ])('"%s" is a %s quota (%s) of %s', (name, kind, scope, model) => {
    expect(parseQuotaName(name)).toMatchObject({
      kind,
      model,
      longContext: false,
      ...(scope ? { scope } : {})
    })
  })

  it('tells a long-context quota from the standard one, and ignores quotas of other kinds', () => {
    expect(
      parseQuotaName(
        'On-demand InvokeModel tokens per minute for Anthropic Claude Sonnet 4.6 1M Context Length'
      )
    ).toMatchObject({ longContext: true, model: 'Anthropic Claude Sonnet 4.6' })
    expect(
      parseQuotaName('On-demand model inference requests per minute for Anthropic Claude 3 Haiku')
    ).toBeUndefined()
    expect(parseQuotaName('Batch inference job size (in GB)')).toBeUndefined()
  })

  it('compares names without case or a first-version "V1"; other versions stay apart', () => {
    expect(normaliseModelName('Anthropic Claude 3.7 Sonnet V1')).toBe(
      normaliseModelName('Anthropic Claude 3.7 Sonnet')
    )
    expect(normaliseModelName('Anthropic Claude 3.5 Sonnet V2')).toBe(
      normaliseModelName('Anthropic Claude 3.5 Sonnet v2')
    )
    expect(normaliseModelName('Anthropic Claude 3.5 Sonnet V2')).not.toBe(
      normaliseModelName('Anthropic Claude 3.5 Sonnet')
    )
  })
})

describe('the quotas of a model', () => {
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
    expect(quotasOfModel('Anthropic Claude 3 Haiku', 'on-demand', applied, defaults)).toEqual({
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
    expect(quotasOfModel('Anthropic Claude 3 Haiku', 'cross-region', applied, defaults).perMinute?.code).toBe(
      'L-CR'
    )
  })

  it('a quota ListServiceQuotas left out (or listed without a value) is unknown, never zero', () => {
    const perMinute = quotasOfModel('Anthropic Claude 3 Haiku', 'on-demand', [], defaults).perMinute
    expect(perMinute).toMatchObject({ code: 'L-OD', default: 200000 })
    expect(perMinute).not.toHaveProperty('applied')
    const listedWithoutValue = [{ ...defaults[0]!, value: undefined }]
    expect(
      quotasOfModel('Anthropic Claude 3 Haiku', 'on-demand', listedWithoutValue, defaults).perMinute
    ).not.toHaveProperty('applied')
  })

  it('no quota for the scope, or two that could be it: unknown, never a guess', () => {
    expect(quotasOfModel('Anthropic Claude 3 Haiku', 'global', defaults, defaults).perMinute).toBeUndefined()
    expect(quotasOfModel('Anthropic Claude 3', 'on-demand', defaults, defaults)).toEqual({})
    const twice = [
      ...defaults,
      quota('On-demand model inference tokens per minute for Anthropic Claude 3 Haiku', 1, 'L-DUP')
    ]
    expect(quotasOfModel('Anthropic Claude 3 Haiku', 'on-demand', twice, twice).perMinute).toBeUndefined()
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
