/**
 * Model lifecycle, as Bedrock publishes it (Bedrock user guide, "Model lifecycle"; API reference,
 * FoundationModelLifecycle): a model is ACTIVE, then Legacy (closed to new customers, and to accounts that stop using
 * it), then in public extended access at higher prices, then at end of life, when it can no longer be invoked.
 * Pure: the dates in words, how close the end is, and which ACTIVE model of the same provider and line follows it.
 */
import type { Lifecycle, ModelSummary } from '../evidence.js'

/** eol-warning-days when the workflow does not say: an end of life within 90 days is a warning. */
export const DEFAULT_EOL_WARNING_DAYS = 90

const DAY_MS = 86_400_000

const day = (date: Date) => date.toISOString().slice(0, 10)

/** "legacy since 2025-01-21, extended access from …, end of life 2027-07-21", or what is known of them. */
export function lifecycleDates(lifecycle: Lifecycle): string {
  const parts: string[] = []
  if (lifecycle.startOfLifeTime) parts.push(`released ${day(lifecycle.startOfLifeTime)}`)
  if (lifecycle.legacyTime) parts.push(`legacy since ${day(lifecycle.legacyTime)}`)
  if (lifecycle.publicExtendedAccessTime)
    parts.push(`extended access from ${day(lifecycle.publicExtendedAccessTime)}`)
  if (lifecycle.endOfLifeTime) parts.push(`end of life ${day(lifecycle.endOfLifeTime)}`)
  return parts.join(', ') || 'no dates published'
}

/** Whole days until the end of life (0 on the day itself); undefined when no date is published. */
export function daysToEndOfLife(lifecycle: Lifecycle, now: Date): number | undefined {
  if (!lifecycle.endOfLifeTime) return undefined
  return Math.ceil((lifecycle.endOfLifeTime.getTime() - now.getTime()) / DAY_MS)
}

/**
 * A model's line: its name without version numbers, so that "Claude 3 Sonnet", "Claude 3.5 Sonnet v2" and
 * "Claude Sonnet 4.6" are one line ("claude sonnet") and "Llama 3.1 8B Instruct" stays apart from "Llama 3.2 1B
 * Instruct" (a size is not a version). Tokens that are only a version (3, 3.5, 4.6, v2) are dropped.
 */
export function modelLine(name: string): string {
  return name
    .toLowerCase()
    .split(/[\s_]+/)
    .filter(token => token.length > 0 && !/^v?\d+([.-]\d+)*$/.test(token))
    .join(' ')
}

export interface Successor {
  id: string
  name?: string
  onDemand: ModelSummary['onDemand']
  startOfLifeTime?: Date
}

/**
 * The ACTIVE model that follows this one: the same provider, the same line, the same kind of output, released
 * after it where both dates are known; the newest first (startOfLifeTime), undated ones last. Never another
 * provider's, never a guess: without a provider and a name to match on there is no successor.
 */
export function successorOf(
  model: Pick<ModelSummary, 'id' | 'provider' | 'name' | 'lifecycle' | 'modality'>,
  candidates: readonly ModelSummary[]
): Successor | undefined {
  if (!model.provider || !model.name) return undefined
  const provider = model.provider.toLowerCase()
  const line = modelLine(model.name)
  const released = model.lifecycle?.startOfLifeTime?.getTime()
  const matches = candidates.filter(
    candidate =>
      candidate.id !== model.id &&
      candidate.lifecycle?.status === 'active' &&
      candidate.provider?.toLowerCase() === provider &&
      candidate.name !== undefined &&
      modelLine(candidate.name) === line &&
      (model.modality === undefined || candidate.modality === model.modality) &&
      !(
        released !== undefined &&
        candidate.lifecycle.startOfLifeTime !== undefined &&
        candidate.lifecycle.startOfLifeTime.getTime() <= released
      )
  )
  const newest = [...matches].sort(
    (a, b) =>
      (b.lifecycle?.startOfLifeTime?.getTime() ?? -Infinity) -
      (a.lifecycle?.startOfLifeTime?.getTime() ?? -Infinity)
  )[0]
  if (!newest) return undefined
  return {
    id: newest.id,
    ...(newest.name ? { name: newest.name } : {}),
    onDemand: newest.onDemand,
    ...(newest.lifecycle?.startOfLifeTime ? { startOfLifeTime: newest.lifecycle.startOfLifeTime } : {})
  }
}
