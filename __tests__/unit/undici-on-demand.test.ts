/**
 * The start-up bundle's stand-in for undici (tsconfig paths map the toolkit's `undici` imports to it): nothing
 * works until the real one is loaded, then it forwards; and it stands in for every name the installed toolkit
 * imports, so a toolkit upgrade that imports another name fails here, not at run time.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as standIn from '../../src/support/undici-on-demand.js'

const { fetch, loadUndici, ProxyAgent } = standIn
const TOOLKIT = resolve(import.meta.dirname, '../../node_modules/@actions')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path)
    return name.endsWith('.js') ? [path] : []
  })
}

describe('src/support/undici-on-demand', () => {
  it('refuses before loadUndici, naming the fix, and forwards after it', async () => {
    expect(() => fetch('http://127.0.0.1:1')).toThrow(/call loadUndici\(\) before talking to the GitHub API/)
    expect(() => new ProxyAgent('http://proxy.internal:3128')).toThrow(/loadUndici/)
    await loadUndici()
    const agent = new ProxyAgent('http://proxy.internal:3128')
    expect(typeof agent.dispatch).toBe('function')
    await agent.close()
    await expect(fetch('http://127.0.0.1:1')).rejects.toThrow()
  })

  it('exports every name the installed Actions toolkit imports from undici, and the toolkit imports only names', () => {
    const imported = new Set<string>()
    for (const file of sources(TOOLKIT)) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]undici['"]/g))
        for (const name of match[1]!.split(',').map(part => part.trim().split(/\s+as\s+/)[0]!))
          if (name) imported.add(name)
      // A default or namespace import, or a require, would take names the stand-in cannot know.
      expect(text).not.toMatch(
        /import\s+(\*\s+as\s+)?\w+\s+from\s*['"]undici['"]|require\(\s*['"]undici['"]\s*\)/
      )
    }
    expect(imported.size).toBeGreaterThan(0)
    for (const name of imported) expect(standIn).toHaveProperty(name)
  })
})
