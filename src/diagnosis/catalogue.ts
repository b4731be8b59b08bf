/**
 * The error catalogue: every AWS answer the probe knows, gathered from the causes' `messages` (src/causes/<gate>.ts),
 * where each row sits beside the cause it names. Rows are tried in order and the first match wins: the rows of
 * every cause in the order of the gates and of the causes in each file, then those whose pattern matches any
 * message (/./, an exception that says it all). So a gate's specific wording is tried before a later gate's broader
 * one: the Marketplace denials contain "is not authorized to perform", and must not read as IAM. A new wording for
 * a known cause is one more entry of its `messages`, and needs no code.
 */
import { CAUSES, type Cause, type GateName, type MessageRow } from '../causes/index.js'
import type { AwsFailure } from '../evidence.js'

/** The causes an AWS answer can name: each closes (or leaves) one gate, never "any". */
export type AnsweredCause = {
  [K in Cause]: (typeof CAUSES)[K]['gate'] extends GateName ? K : never
}[Cause]

export interface CatalogueEntry extends MessageRow {
  id: AnsweredCause
}

/** A row for an exception whatever its message: tried after every row that reads the words. */
const isBroad = (row: MessageRow) => row.pattern.source === '.'

function catalogue(): CatalogueEntry[] {
  const rows = Object.entries(CAUSES).flatMap(([id, spec]) =>
    ('messages' in spec ? spec.messages : []).map(row => ({ ...row, id: id as AnsweredCause }))
  )
  return [...rows.filter(row => !isBroad(row)), ...rows.filter(isBroad)]
}

export const CATALOGUE: readonly CatalogueEntry[] = catalogue()

export interface Diagnosis {
  entry: CatalogueEntry
  /** The gate the row's cause belongs to. */
  gate: GateName
  groups: string[]
}

/** Find the row for an AWS service answer; undefined for faults and for answers the catalogue does not know. */
export function diagnose(failure: AwsFailure): Diagnosis | undefined {
  for (const entry of CATALOGUE) {
    if (!entry.exceptions.includes('*') && !entry.exceptions.includes(failure.name)) continue
    if (entry.exceptions.includes('*') || failure.kind === 'service') {
      const match = entry.pattern.exec(failure.message)
      if (match)
        return { entry, gate: CAUSES[entry.id].gate, groups: match.slice(1).map(group => group ?? '') }
    }
  }
  return undefined
}
