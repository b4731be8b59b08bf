/**
 * The emulator speaks AWS's words: every refusal wording it sends is one the catalogue recognises (and so has a
 * cited source: AWS's documentation or users' reports), or says beside it that no public source quotes it.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { CAUSES } from '../../src/causes/index.js'
import { CATALOGUE } from '../../src/diagnosis/catalogue.js'

const DIR = join(import.meta.dirname, '../../emulator')

/** Each jsonError/queryError with a literal type and wording, and the five lines before it. */
function wordings(): { file: string; type: string; text: string; before: string }[] {
  const found = []
  for (const file of readdirSync(DIR).filter(f => f.endsWith('.ts'))) {
    const source = readFileSync(join(DIR, file), 'utf8')
    for (const match of source.matchAll(
      /(?:jsonError|queryError)\(\s*\d+,\s*'(\w+)',\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)/g
    )) {
      const lines = source.slice(0, match.index).split('\n')
      found.push({
        file,
        type: match[1]!,
        text: (match[2] ?? match[3] ?? match[4]!).replace(/\$\{([^}]+)\}/g, (_, name: string) =>
          example(name)
        ),
        before:
          lines.slice(-10).join('\n') +
          (source
            .slice(0, match.index)
            .match(
              /\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*export function \w+[^\n]*\n(?:(?!\nexport )[\s\S])*$/
            )?.[0]
            .split('*/')[0] ?? '')
      })
    }
  }
  return found
}

/** A value of the kind a template's placeholder stands for, as AWS fills it in. */
function example(name: string): string {
  if (/caller|callerArn/.test(name)) return 'arn:aws:sts::111122223333:assumed-role/bedrock-ci/run'
  if (/action/.test(name)) return 'bedrock:InvokeModel'
  if (/resource/.test(name))
    return 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'
  if (/account/.test(name)) return '111122223333'
  return 'anthropic.claude-3-haiku-20240307-v1:0'
}

/** AWS's words in the product's sources: the catalogue rows' and the causes' citations quote them. */
const QUOTED = [
  ...CATALOGUE.flatMap(entry => entry.sources ?? []),
  ...Object.values(CAUSES).flatMap(cause => ('sources' in cause ? (cause.sources ?? []) : []) as string[])
].join('\n')

describe('the emulator’s wordings', () => {
  const all = wordings()

  it('are found (the scan reads them)', () => {
    expect(all.length).toBeGreaterThan(30)
  })

  it('are AWS’s (a catalogue row with its sources reads them), or say that they are ours', () => {
    const unsourced = all.filter(({ type, text, before }) => {
      if (
        /ours|quote|user guide|Common Errors|emulator bug|unknown fault|No route|No Service Quotas operation|Unknown action/i.test(
          before + text
        )
      )
        return false
      if (QUOTED.includes(text.slice(0, 40))) return false
      const row = CATALOGUE.find(
        entry =>
          (entry.exceptions.includes('*') || entry.exceptions.includes(type)) && entry.pattern.test(text)
      )
      const cause = row ? (CAUSES[row.id] as { sources?: string[] }) : undefined
      return !row || ((row.sources ?? []).length === 0 && (cause?.sources ?? []).length === 0)
    })
    expect(unsourced.map(({ file, type, text }) => `${file}: ${type}: ${text}`)).toEqual([])
  })
})
