import { describe, expect, it } from '@jest/globals'
import { daysToEndOfLife, lifecycleDates, modelLine, successorOf } from '../../src/bedrock/lifecycle.js'
import type { ModelSummary } from '../../src/evidence.js'

const active = (id: string, name: string, released?: string, provider = 'Anthropic'): ModelSummary => ({
  id,
  provider,
  name,
  onDemand: 'supported',
  modality: 'text',
  lifecycle: { status: 'active', ...(released ? { startOfLifeTime: new Date(released) } : {}) }
})

const OLD_SONNET = {
  id: 'anthropic.claude-3-sonnet-20240229-v1:0',
  provider: 'Anthropic',
  name: 'Claude 3 Sonnet',
  modality: 'text' as const,
  lifecycle: { status: 'legacy' as const, startOfLifeTime: new Date('2024-02-29T00:00:00Z') }
}

describe('a model line', () => {
  it.each([
    ['Claude 3 Sonnet', 'claude sonnet'],
    ['Claude 3.5 Sonnet v2', 'claude sonnet'],
    ['Claude Sonnet 4.6', 'claude sonnet'],
    ['Claude 3 Haiku', 'claude haiku'],
    ['Llama 3.1 8B Instruct', 'llama 8b instruct'],
    ['Nova 2 Lite', 'nova lite'],
    ['Titan Text G1 - Express', 'titan text g1 - express']
  ])('%s is the line %s', (name, line) => {
    expect(modelLine(name)).toBe(line)
  })
})

describe('the successor of an ending model', () => {
  it('is the newest ACTIVE model of the same provider and line, released after it', () => {
    const successor = successorOf(OLD_SONNET, [
      active('anthropic.claude-3-5-sonnet-20240620-v1:0', 'Claude 3.5 Sonnet', '2024-06-20T00:00:00Z'),
      active('anthropic.claude-sonnet-4-6', 'Claude Sonnet 4.6', '2026-02-17T00:00:00Z'),
      active('anthropic.claude-opus-4-7', 'Claude Opus 4.7', '2026-04-16T00:00:00Z'),
      active('anthropic.claude-3-haiku-20240307-v1:0', 'Claude 3 Haiku', '2024-03-07T00:00:00Z')
    ])
    expect(successor?.id).toBe('anthropic.claude-sonnet-4-6')
  })

  it('is never another provider’s, a Legacy model, another kind of output, or the model itself', () => {
    expect(
      successorOf(OLD_SONNET, [
        active('other.claude-sonnet-9', 'Claude Sonnet 9', '2026-06-01T00:00:00Z', 'Other'),
        {
          ...active('anthropic.claude-3-5-sonnet-20240620-v1:0', 'Claude 3.5 Sonnet', '2024-06-20T00:00:00Z'),
          lifecycle: { status: 'legacy' }
        },
        {
          ...active('anthropic.claude-sonnet-embed', 'Claude Sonnet', '2026-01-01T00:00:00Z'),
          modality: 'embedding'
        },
        { ...active(OLD_SONNET.id, 'Claude 3 Sonnet', '2024-02-29T00:00:00Z') }
      ])
    ).toBeUndefined()
  })

  it('is not an older model of the line, and an undated candidate comes after dated ones', () => {
    const successor = successorOf(OLD_SONNET, [
      active('anthropic.claude-2-sonnet', 'Claude 2 Sonnet', '2023-07-01T00:00:00Z'),
      active('anthropic.claude-sonnet-undated', 'Claude Sonnet X'),
      active('anthropic.claude-3-5-sonnet-20240620-v1:0', 'Claude 3.5 Sonnet', '2024-06-20T00:00:00Z')
    ])
    expect(successor?.id).toBe('anthropic.claude-3-5-sonnet-20240620-v1:0')
  })

  it('is no guess: without the provider and name of the model there is none', () => {
    const { name: _name, ...unnamed } = OLD_SONNET
    expect(
      successorOf(unnamed, [
        active('anthropic.claude-sonnet-4-6', 'Claude Sonnet 4.6', '2026-02-17T00:00:00Z')
      ])
    ).toBeUndefined()
  })
})

describe('lifecycle dates', () => {
  it('says every date published, and how many days are left', () => {
    const lifecycle = {
      status: 'legacy' as const,
      startOfLifeTime: new Date('2024-03-07T00:00:00Z'),
      legacyTime: new Date('2025-09-01T00:00:00Z'),
      publicExtendedAccessTime: new Date('2026-03-01T00:00:00Z'),
      endOfLifeTime: new Date('2026-12-01T00:00:00Z')
    }
    expect(lifecycleDates(lifecycle)).toBe(
      'released 2024-03-07, legacy since 2025-09-01, extended access from 2026-03-01, end of life 2026-12-01'
    )
    expect(daysToEndOfLife(lifecycle, new Date('2026-11-22T00:00:00Z'))).toBe(9)
    expect(daysToEndOfLife({ status: 'active' }, new Date())).toBeUndefined()
    expect(lifecycleDates({ status: 'legacy' })).toBe('no dates published')
  })
})
