/**
 * The capacity gate against quota names as AWS really lists them (__fixtures__/service-quotas/, each cited): every
 * model × scope resolves to its own per-minute and per-day tokens quota, or to none, never a neighbour's.
 */
import { describe, expect, it } from '@jest/globals'
import { parseQuotaName, quotasOfModel } from '../../src/bedrock/quotas.js'
import {
  ALSO_SPELLED,
  CATALOGUE,
  REAL_QUOTAS,
  RESOLUTIONS,
  listingOf
} from '../../__fixtures__/service-quotas/bedrock-quotas.js'

const modelOf = (modelId: string) => {
  const model = CATALOGUE.find(entry => entry.modelId === modelId)
  if (!model) throw new Error(`${modelId} is not in the fixture's catalogue`)
  return model
}

describe('real Bedrock quota names', () => {
  const listing = listingOf()

  it.each(RESOLUTIONS.map(r => [r.modelId, r.scope, r.perMinute, r.perDay] as const))(
    '%s (%s): per minute %s, per day %s',
    (modelId, scope, perMinute, perDay) => {
      const quotas = quotasOfModel(modelOf(modelId), scope, listing, listing)
      expect(quotas.perMinute?.code ?? 'none').toBe(perMinute)
      expect(quotas.perDay?.code ?? 'none').toBe(perDay)
    }
  )

  it('every provider of the catalogue has a resolution, and every model one at least', () => {
    const providers = new Set(CATALOGUE.map(m => m.providerName))
    const resolved = new Set(RESOLUTIONS.map(r => modelOf(r.modelId).providerName))
    expect([...providers].filter(p => !resolved.has(p))).toEqual([])
    expect(
      CATALOGUE.filter(m => !RESOLUTIONS.some(r => r.modelId === m.modelId)).map(m => m.modelId)
    ).toEqual([])
  })

  it('every tokens quota of the fixture is some model’s, and none is claimed by two models of one scope', () => {
    const claimed = new Map<string, string[]>()
    for (const r of RESOLUTIONS)
      for (const code of [r.perMinute, r.perDay])
        if (code !== 'none')
          claimed.set(`${code} ${r.scope}`, [...(claimed.get(`${code} ${r.scope}`) ?? []), r.modelId])
    expect([...claimed.entries()].filter(([, models]) => new Set(models).size > 1)).toEqual([])
    // The standard tokens quotas of the fixture are all resolved by some case: none is left unread.
    const standard = REAL_QUOTAS.filter(q => {
      const parsed = parseQuotaName(q.name)
      return parsed?.unit === 'tokens' && !parsed.longContext
    }).map(q => q.code)
    const resolvedCodes = new Set(RESOLUTIONS.flatMap(r => [r.perMinute, r.perDay]))
    const unresolved = standard.filter(code => !resolvedCodes.has(code))
    expect(unresolved.map(code => REAL_QUOTAS.find(q => q.code === code)!.name)).toEqual([])
  })

  it.each(ALSO_SPELLED.map(a => [a.name, a.sameAs] as const))('"%s" is read as %s', (name, sameAs) => {
    const real = REAL_QUOTAS.find(q => q.code === sameAs)!
    const resolution = RESOLUTIONS.find(r => r.perMinute === sameAs)!
    const alone = listingOf([{ code: sameAs, name, source: 'GUIDE' }])
    expect(quotasOfModel(modelOf(resolution.modelId), resolution.scope, alone, alone).perMinute?.name).toBe(
      name
    )
    expect(parseQuotaName(name)?.scopes).toEqual(parseQuotaName(real.name)?.scopes)
  })

  it('a long-context quota is never the standard one, and requests are never tokens', () => {
    const sonnet = modelOf('anthropic.claude-sonnet-4-5-20250929-v1:0')
    const onlyLong = listingOf(REAL_QUOTAS.filter(q => /1M Context|requests per minute/.test(q.name)))
    expect(quotasOfModel(sonnet, 'cross-region', onlyLong, onlyLong)).toEqual({})
    expect(quotasOfModel(sonnet, 'global', onlyLong, onlyLong)).toEqual({})
  })
})
