/**
 * models-from: find Bedrock model IDs, inference-profile IDs and ARNs in the repository's files, so a PR
 * check probes exactly what the code calls and annotates the line that names it.
 */
import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import * as glob from '@actions/glob'
import { parseModelRef, PROFILE_PREFIXES } from '../bedrock/model-id.js'
import type { ExtraModels, Pair } from './models.js'
import type { Logger } from '../support/logger.js'
import { gitHubApi } from '../support/github-api.js'
import type { SourceLocation } from '../types.js'

/** Providers whose IDs the scanner recognises (a closed list keeps "amazon.com" and the like out). */
export const SCANNED_PROVIDERS = [
  'ai21',
  'amazon',
  'anthropic',
  'cohere',
  'deepseek',
  'google',
  'luma',
  'meta',
  'minimax',
  'mistral',
  'moonshot',
  'moonshotai',
  'nvidia',
  'openai',
  'qwen',
  'stability',
  'twelvelabs',
  'writer'
]

const PREFIX = `(?:(?:${PROFILE_PREFIXES.join('|')})\\.)?`
const BARE_ID = `${PREFIX}(?:${SCANNED_PROVIDERS.join('|')})\\.[a-z0-9][a-z0-9._:-]*-[a-z0-9._:-]*`
const ARN =
  'arn:aws(?:-[a-z-]+)?:bedrock:[a-z0-9-]+:\\d{0,12}:(?:foundation-model|inference-profile|application-inference-profile)\\/[A-Za-z0-9._:-]+'
/** Not preceded by an ID character, so `xamazon.nova…` or a URL path segment does not match. */
export const MODEL_ID_PATTERN = new RegExp(`(?<![A-Za-z0-9_./:-])(?:${ARN}|${BARE_ID})`, 'g')

const MAX_FILES = 5000
const MAX_FILE_BYTES = 1024 * 1024

export interface FoundId {
  id: string
  line: number
}

/** Every model ID in a text, with its 1-based line; trailing sentence punctuation is not part of an ID. */
export function scanText(text: string): FoundId[] {
  const found: FoundId[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    for (const match of line.matchAll(MODEL_ID_PATTERN)) {
      const id = match[0].replace(/[.:_-]+$/, '')
      try {
        parseModelRef(id)
        found.push({ id, line: index + 1 })
      } catch {
        // Looks like an ID but is not a valid one: not ours to report.
      }
    }
  })
  return found
}

export async function findModelIds(patterns: string, workspace: string): Promise<ExtraModels> {
  const globber = await glob.create(anchorPatterns(patterns, workspace), {
    matchDirectories: false,
    implicitDescendants: true
  })
  const files = (await globber.glob()).slice(0, MAX_FILES)
  const sources = new Map<string, SourceLocation>()
  for (const file of files.sort()) {
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile() || info.size > MAX_FILE_BYTES) continue
    const text = await readFile(file, 'utf8').catch(() => '')
    if (text.includes('\u0000')) continue
    for (const { id, line } of scanText(text)) {
      if (!sources.has(id)) sources.set(id, { file: relative(workspace, file), line })
    }
  }
  return { ids: [...sources.keys()], sources }
}

/** Relative patterns are relative to the workspace (the checkout), whatever the process's directory. */
export function anchorPatterns(patterns: string, workspace: string): string {
  return patterns
    .split(/[\n,]/)
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'))
    .map(line => {
      const negated = line.startsWith('!')
      const pattern = negated ? line.slice(1) : line
      return `${negated ? '!' : ''}${isAbsolute(pattern) ? pattern : join(workspace, pattern)}`
    })
    .join('\n')
}

/** IDs first that appear on lines a pull request adds (the unified diff's `+` lines), in diff order. */
export function addedIdsFromPatch(patch: string): FoundId[] {
  const found: FoundId[] = []
  let newLine = 0
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line)
    if (hunk) {
      newLine = Number(hunk[1])
      continue
    }
    if (line.startsWith('+')) {
      for (const { id } of scanText(line.slice(1))) found.push({ id, line: newLine })
      newLine++
    } else if (!line.startsWith('-')) {
      newLine++
    }
  }
  return found
}

/**
 * The checks of the IDs a pull request adds first, in the order it adds them, each pointing at its added line
 * (where its annotation goes); the rest keep their order.
 */
export function withAddedFirst<T extends { pairs: Pair[] }>(
  inputs: T,
  added: { id: string; file: string; line: number }[]
): T {
  const order = new Map<string, SourceLocation>()
  for (const { id, file, line } of added) if (!order.has(id)) order.set(id, { file, line })
  const rank = (pair: Pair) => {
    const index = [...order.keys()].indexOf(pair.ref.input)
    return index < 0 ? order.size : index
  }
  const pairs = inputs.pairs
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => rank(a.pair) - rank(b.pair) || a.index - b.index)
    .map(({ pair }) => {
      const source = order.get(pair.ref.input)
      return source ? { ...pair, source } : pair
    })
  return { ...inputs, pairs }
}

/** Model IDs on lines the pull request adds, with file and line, from the PR's file patches. */
export async function pullRequestAddedIds(
  token: string | undefined,
  log: Pick<Logger, 'warning'>
): Promise<{ id: string; file: string; line: number }[]> {
  const github = await gitHubApi()
  const pull = github.context.payload.pull_request
  if (!pull || !token) return []
  try {
    const octokit = github.getOctokit(token)
    const { owner, repo } = github.context.repo
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pull.number,
      per_page: 100
    })
    const providers = new RegExp(SCANNED_PROVIDERS.join('|'))
    return files
      .filter(file => file.patch && providers.test(file.patch))
      .flatMap(file => addedIdsFromPatch(file.patch!).map(found => ({ ...found, file: file.filename })))
  } catch (error) {
    log.warning(
      `Could not read the pull request's files (${(error as Error).message}); probing in file order.`
    )
    return []
  }
}
