/**
 * One place per cause: each file of src/causes/ holds the causes of its gate, the catalogue is nothing but their
 * messages, and a cause's entry is what every reader sees: change its fix or its commands there, and the summary,
 * the terminal text and the `report` JSON all say the new words.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { available, evidence, judge, NO_CALL } from '../../__fixtures__/evidence.js'
import { ANY_GATE_CAUSES } from '../../src/causes/any-gate.js'
import { CAPACITY_CAUSES } from '../../src/causes/capacity.js'
import { CREDENTIALS_CAUSES } from '../../src/causes/credentials.js'
import { IAM_PERMISSION_CAUSES } from '../../src/causes/iam-permission.js'
import { CAUSES, FIX_FACT_NAMES, GATES, type CauseSpec } from '../../src/causes/index.js'
import { MODEL_ACCESS_CAUSES } from '../../src/causes/model-access.js'
import { PROVIDER_TERMS_CAUSES } from '../../src/causes/provider-terms.js'
import { REGION_CAUSES } from '../../src/causes/region.js'
import { CATALOGUE, diagnose } from '../../src/diagnosis/catalogue.js'
import { overallResult } from '../../src/gates/sequence.js'
import { buildReport } from '../../src/report/build/verdict.js'
import { renderSummary } from '../../src/report/render/summary.js'
import { renderText } from '../../src/report/render/terminal.js'
import type { CheckResult } from '../../src/types.js'

const FILES = {
  credentials: CREDENTIALS_CAUSES,
  region: REGION_CAUSES,
  'model-access': MODEL_ACCESS_CAUSES,
  'provider-terms': PROVIDER_TERMS_CAUSES,
  'iam-permission': IAM_PERMISSION_CAUSES,
  capacity: CAPACITY_CAUSES,
  any: ANY_GATE_CAUSES
} as const

describe('src/causes/: one file per gate', () => {
  it.each(Object.entries(FILES))('the %s file holds that gate’s causes and no other', (gate, causes) => {
    const specs: [string, CauseSpec][] = Object.entries(causes)
    expect(specs.length).toBeGreaterThan(0)
    for (const [id, spec] of specs) expect([id, spec.gate]).toEqual([id, gate])
  })

  it('CAUSES is the union of the files, each cause in exactly one, a file for every gate', () => {
    const ids = Object.values(FILES).flatMap(causes => Object.keys(causes))
    expect(new Set(ids).size).toBe(ids.length)
    expect(Object.keys(CAUSES).sort()).toEqual([...ids].sort())
    expect(Object.keys(FILES)).toEqual([...GATES, 'any'])
  })
})

describe('the catalogue: the causes’ messages, tried in order', () => {
  const messages = Object.entries(CAUSES).flatMap(([id, spec]: [string, CauseSpec]) =>
    (spec.messages ?? []).map(row => ({ id, row }))
  )
  const broad = (row: (typeof CATALOGUE)[number]) => row.pattern.source === '.'

  it('holds every message of every cause, once, and nothing else', () => {
    expect(CATALOGUE).toHaveLength(messages.length)
    for (const { id, row } of messages)
      expect(CATALOGUE.filter(entry => entry.id === id && entry.pattern === row.pattern)).toHaveLength(1)
  })

  it('tries the rows that read the words before those for any message, each part in the order of the gates', () => {
    const firstBroad = CATALOGUE.findIndex(broad)
    expect(firstBroad).toBeGreaterThan(0)
    expect(CATALOGUE.slice(firstBroad).every(broad)).toBe(true)
    const gateOrder = (entry: (typeof CATALOGUE)[number]) =>
      GATES.indexOf((CAUSES[entry.id] as CauseSpec).gate as (typeof GATES)[number])
    for (const part of [CATALOGUE.slice(0, firstBroad), CATALOGUE.slice(firstBroad)]) {
      const order = part.map(gateOrder)
      expect(order).toEqual([...order].sort((a, b) => a - b))
    }
  })

  it('lets a specific wording win over a broad one that also matches it', () => {
    // "is not authorized to perform: aws-marketplace:…" matches the broad IAM row too; the Marketplace one wins.
    const failure = {
      kind: 'service' as const,
      name: 'AccessDeniedException',
      message:
        'User: arn:aws:sts::111122223333:assumed-role/ci/run is not authorized to perform: aws-marketplace:Subscribe on resource: *'
    }
    expect(diagnose(failure)?.entry.id).toBe('marketplace-permissions')
    expect(CATALOGUE.some(entry => entry.id === 'iam-denied' && entry.pattern.test(failure.message))).toBe(
      true
    )
  })
})

describe('a cause’s entry is what every reader sees', () => {
  const spec = CAUSES['agreement-missing'] as CauseSpec & Record<string, unknown>
  const saved = { fix: spec.fix, commands: spec.commands }
  afterEach(() => {
    Object.assign(spec, saved)
  })

  it('its fix and its commands, changed in the entry, are in the summary, the terminal text and the JSON', () => {
    Object.assign(spec, {
      fix: () => 'Ask the platform team for the Acme agreement runbook.',
      commands: () => [{ label: 'The Acme runbook', lang: 'sh', code: 'acme-bedrock agree --model MODEL' }]
    })
    const e = evidence({ availability: available({ agreement: 'missing', authorized: undefined }) })
    const { gates } = judge(e, NO_CALL)
    expect(gates['provider-terms']).toMatchObject({ status: 'fail', cause: 'agreement-missing' })
    // The gate decides the cause and keeps what its fix names; the words are the report's.
    expect(gates['provider-terms'].fix).toBeUndefined()
    expect(gates['provider-terms'].facts).toMatchObject({ model: e.model, region: e.region })
    // Only what a fix may name, never the rest of the evidence.
    expect(
      Object.keys(gates['provider-terms'].facts!).every(name => FIX_FACT_NAMES.includes(name as never))
    ).toBe(true)
    const check: CheckResult = {
      model: e.model,
      region: e.region,
      gates,
      invocation: 'converse',
      calls: [],
      result: overallResult(gates)
    }
    const report = buildReport(
      [check],
      { account: '111122223333', arn: 'arn:aws:iam::111122223333:user/ci' },
      []
    )
    const json = JSON.stringify(report)
    const summary = renderSummary(report)
    const text = renderText(report)
    for (const view of [json, summary, text]) expect(view).toContain('Acme agreement runbook')
    expect(json).not.toContain('"facts"')
    for (const view of [summary, text]) expect(view).toContain('acme-bedrock agree --model MODEL')
  })
})
