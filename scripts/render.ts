/**
 * npm run render: what users see, as GitHub shows it. Runs the committed bundle (dist/index.js) as the runner does
 * against the emulator in the scenarios below, renders each job summary and PR comment through GitHub's parser and
 * sanitizer (emulator/github-markdown.ts, the same the tests assert on), and writes it to docs/render/ as HTML
 * with GitHub-like styling; where Chromium is installed (Debian's chromium, driven by playwright-core), also as a
 * PNG of the rendered content at GitHub's content width (1000 px), and prints each picture's height. A picture is
 * taken again only when its page changed (fingerprints.json); without Chromium or a colour emoji font the committed
 * pictures are left as they are. The pictures are stable: the duration and the comment's
 * time are fixed, so a picture changes only when what users see changes. No AWS account needed.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { renderAsGitHub } from '../emulator/github-markdown.js'
import { startEmulator } from '../emulator/server.js'
import { freshAccount, openAccount, withManagementAccount, type EmulatorState } from '../emulator/state.js'
import { ROOT, runAction, type RunOptions } from '../emulator/runner.js'
import { renderComment, renderSummary } from '../src/report/render/summary.js'
import type { Report } from '../src/types.js'

const OUT = join(ROOT, 'docs/render')
const WIDTH = 1000

interface Scenario {
  name: string
  title: string
  state: () => EmulatorState
  inputs: Record<string, string>
  options?: RunOptions
}

const ROLE = 'arn:aws:iam::111122223333:role/bedrock-ci'

const SCENARIOS: Scenario[] = [
  {
    name: 'all-pass',
    title: 'Every gate open',
    state: openAccount,
    inputs: {
      models: 'us.anthropic.claude-sonnet-4-6, meta.llama3-1-8b-instruct-v1:0, amazon.titan-embed-text-v2:0',
      regions: 'us-east-1, us-west-2',
      calls: 'converse, converse-stream'
    }
  },
  {
    name: 'mixed-14',
    title: 'Fourteen checks, mixed results',
    state: () => {
      const state = openAccount()
      state.models.push({ id: 'mistral.mistral-large-2407-v1:0', regions: ['us-west-2'] })
      // IAM allows the Claude profile and Titan, not Nova Lite or Llama.
      state.iam.invokeAllowed = [
        `arn:aws:bedrock:us-east-1:${state.account}:inference-profile/us.anthropic.claude-sonnet-4-6`,
        `arn:aws:bedrock:us-west-2:${state.account}:inference-profile/us.anthropic.claude-sonnet-4-6`,
        ...['us-east-1', 'us-east-2', 'us-west-2'].map(
          region => `arn:aws:bedrock:${region}::foundation-model/anthropic.claude-sonnet-4-6`
        ),
        ...['us-east-1', 'us-west-2'].flatMap(region => [
          `arn:aws:bedrock:${region}::foundation-model/amazon.titan-embed-text-v2:0`,
          `arn:aws:bedrock:${region}::foundation-model/anthropic.claude-v2:1`,
          `arn:aws:bedrock:${region}::foundation-model/mistral.mistral-large-2407-v1:0`
        ])
      ]
      delete state.agreements['cohere.embed-english-v3']
      return state
    },
    inputs: {
      models: [
        'us.anthropic.claude-sonnet-4-6',
        'amazon.nova-lite-v1:0',
        'amazon.titan-embed-text-v2:0',
        'cohere.embed-english-v3',
        'meta.llama3-1-8b-instruct-v1:0',
        'anthropic.claude-v2:1',
        'mistral.mistral-large-2407-v1:0'
      ].join('\n'),
      regions: 'us-east-1, us-west-2',
      'fail-on': 'never'
    }
  },
  {
    name: 'bootstrap',
    title: 'Bootstrap of a fresh account, with the changes it made',
    state: () => {
      const state = freshAccount()
      state.newAgreementPendingPolls = 0
      return state
    },
    inputs: {
      models: 'us.anthropic.claude-sonnet-4-6, cohere.embed-english-v3',
      regions: 'us-east-1',
      'create-agreement': 'true',
      'use-case-form': JSON.stringify({
        companyName: 'Example Corp',
        companyWebsite: 'https://example.com',
        intendedUsers: '0',
        industryOption: 'Technology',
        otherIndustryOption: '',
        useCases: 'Internal engineering assistants.'
      })
    }
  },
  {
    name: 'oidc-trust',
    title: 'Credentials: the trust policy refuses the OIDC token',
    state: () => {
      const state = openAccount()
      state.oidc.trustedSub = 'repo:octo-org/octo-repo:environment:production'
      return state
    },
    inputs: {
      models: 'us.anthropic.claude-sonnet-4-6, amazon.nova-lite-v1:0',
      regions: 'us-east-1',
      'role-to-assume': ROLE
    },
    options: { oidc: true }
  },
  {
    name: 'capacity',
    title: 'Capacity: a day used up, a quota of 0, a reduced quota',
    state: () => {
      const state = openAccount()
      state.quotas.dailyExhausted = ['anthropic.claude-3-haiku-20240307-v1:0']
      state.quotas.applied['On-demand InvokeModel tokens per minute for Amazon Nova Lite'] = 0
      state.quotas.applied['On-demand InvokeModel tokens per minute for Meta Llama 3.1 8B Instruct'] = 20000
      return state
    },
    inputs: {
      models: 'anthropic.claude-3-haiku-20240307-v1:0, amazon.nova-lite-v1:0, meta.llama3-1-8b-instruct-v1:0',
      regions: 'us-east-1',
      'fail-on': 'never'
    }
  },
  {
    name: 'organisation',
    title: 'Organisation: the use-case form in the management account, its role refused',
    state: () => {
      const state = freshAccount()
      const management = withManagementAccount(state, false)
      management.trustedSub = 'repo:octo-org/octo-infra:ref:refs/heads/main'
      return state
    },
    inputs: {
      models: 'anthropic.claude-3-haiku-20240307-v1:0',
      regions: 'us-east-1',
      'management-role-to-assume': 'arn:aws:iam::999988887777:role/bedrock-use-case-form',
      'create-agreement': 'true',
      'wait-timeout-seconds': '0',
      'fail-on': 'never'
    },
    options: { oidc: true }
  },
  {
    name: 'refusals',
    title: 'Refusals users quote: each on its own gate, a policy only where an Allow opens it',
    state: () => {
      const state = openAccount()
      const refuse = (model: string, exception: string, status: number, message: string) => ({
        operation: 'Converse',
        kind: 'refuse' as const,
        model,
        exception,
        status,
        message
      })
      state.faults = [
        refuse(
          'anthropic.claude-3-haiku-20240307-v1:0',
          'AccessDeniedException',
          403,
          'anthropic.claude-3-haiku-20240307-v1:0 is not available for this account. You can explore other available models on Amazon Bedrock. For additional access options, contact AWS Sales at https://aws.amazon.com/contact-us/sales-support/'
        ),
        refuse(
          'us.anthropic.claude-sonnet-4-6',
          'ValidationException',
          400,
          'The model returned the following errors: You have not filled out the required use-case form for this model. Complete the form at https://us-east-1.console.aws.amazon.com/bedrock/ before requesting access.'
        ),
        refuse('amazon.nova-lite-v1:0', 'AccessDeniedException', 403, 'Authorization header is missing'),
        refuse(
          'meta.llama3-1-8b-instruct-v1:0',
          'ModelErrorException',
          424,
          'The model failed to process the request.'
        )
      ]
      return state
    },
    inputs: {
      models:
        'anthropic.claude-3-haiku-20240307-v1:0, us.anthropic.claude-sonnet-4-6, amazon.nova-lite-v1:0, meta.llama3-1-8b-instruct-v1:0',
      regions: 'us-east-1',
      'fail-on': 'never'
    }
  },
  {
    name: 'faults',
    title: 'Faults only: nothing closed, nothing proven',
    state: () => {
      const state = openAccount()
      state.faults = [
        { operation: 'Converse', kind: 'http500', region: 'us-east-1' },
        { operation: 'GetFoundationModelAvailability', kind: 'garbage', region: 'us-west-2' },
        { operation: 'Converse', kind: 'html403', region: 'us-west-2' }
      ]
      return state
    },
    inputs: {
      models: 'amazon.nova-lite-v1:0, meta.llama3-1-8b-instruct-v1:0',
      regions: 'us-east-1, us-west-2',
      'fail-on': 'never'
    }
  }
]

/** Enough of GitHub's markdown styling for a faithful picture: fonts, tables, code, details. */
const STYLE = `
body { margin: 0; background: #fff; }
.markdown-body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
  "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; font-size: 14px; line-height: 1.5; color: #1f2328;
  padding: 16px 24px; width: ${WIDTH - 48}px; }
h2 { font-size: 1.5em; font-weight: 600; margin: 0 0 16px; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
p, ul, table, pre, details { margin: 0 0 16px; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 85%; padding: .2em .4em;
  background: #818b981f; border-radius: 6px; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; font-size: 85%; }
pre code { background: none; padding: 0; font-size: 100%; }
summary { cursor: pointer; } sub { font-size: 85%; color: #59636e; }
`

/** A page around the HTML GitHub would show for this markdown. */
function page(title: string, markdown: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body><article class="markdown-body">${renderAsGitHub(markdown)}</article></body></html>\n`
}

/** The report with what changes from run to run (the measured duration) fixed, so the pictures are stable. */
function stable(report: Report): Report {
  return report.probed ? { ...report, probed: { ...report.probed, durationMs: 1200 } } : report
}

/** Debian's Chromium, as this machine's notes start it (no background networking on a closed network). */
const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  '--force-color-profile=srgb'
]

/**
 * What each committed picture was taken of: the SHA-256 of its HTML page. A picture is taken again only when its
 * page changed (or with --force), so running this changes no picture whose summary did not change: a screenshot of
 * the same page differs by a few bytes from machine to machine.
 */
const FINGERPRINTS = join(OUT, 'fingerprints.json')

function readJson(file: string): Record<string, string | number> {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | number>) : {}
}

/** Whether fontconfig has a colour emoji font: without one the pictures' emoji would be empty boxes. */
function hasEmojiFont(): boolean {
  try {
    return /emoji/i.test(execFileSync('fc-list', [':family'], { encoding: 'utf8' }))
  } catch {
    return false
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const force = process.argv.includes('--force')
  const canPicture = existsSync(CHROMIUM) && hasEmojiFont()
  const browser = canPicture
    ? await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    : undefined
  const fingerprints = readJson(FINGERPRINTS) as Record<string, string>
  const heights = readJson(join(OUT, 'heights.json')) as Record<string, number>
  let taken = 0
  try {
    for (const scenario of SCENARIOS) {
      const emulator = await startEmulator(scenario.state())
      const run = await runAction(emulator, scenario.inputs, scenario.options ?? {})
      await emulator.close()
      if (!run.report) throw new Error(`${scenario.name}: no report\n${run.stdout}\n${run.stderr}`)
      const report = stable(run.report)
      const views = {
        summary: renderSummary(report),
        comment: renderComment(report, {
          runUrl: 'https://github.com/octo-org/octo-repo/actions/runs/1234567890',
          commit: 'c0ffee1d5e7a9b3f2e4d6c8a0b1c2d3e4f5a6b7c',
          time: new Date('2026-11-23T12:00:00Z')
        })
      }
      for (const [kind, markdown] of Object.entries(views)) {
        const name = `${scenario.name}.${kind}`
        const html = join(OUT, `${name}.html`)
        const text = page(`${scenario.title} (${kind})`, markdown)
        writeFileSync(html, text)
        const fingerprint = createHash('sha256').update(text).digest('hex')
        const current = fingerprints[name] === fingerprint && existsSync(join(OUT, `${name}.png`))
        if (!browser || (current && !force)) continue
        fingerprints[name] = fingerprint
        taken++
        const tab = await browser.newPage({ viewport: { width: WIDTH, height: 800 }, deviceScaleFactor: 1 })
        await tab.goto(`file://${html}`)
        const content = tab.locator('article')
        await content.screenshot({ path: join(OUT, `${scenario.name}.${kind}.png`), animations: 'disabled' })
        heights[name] = Math.round((await content.boundingBox())?.height ?? 0)
        await tab.close()
      }
      console.log(
        `${scenario.name}: result ${run.outputs.result}, ${run.report.checks.length} check${run.report.checks.length === 1 ? '' : 's'}`
      )
    }
  } finally {
    await browser?.close()
  }
  if (browser) {
    const sorted = (record: Record<string, unknown>) =>
      JSON.stringify(Object.fromEntries(Object.entries(record).sort()), null, 2) + '\n'
    writeFileSync(join(OUT, 'heights.json'), sorted(heights))
    writeFileSync(FINGERPRINTS, sorted(fingerprints))
    console.log(
      taken === 0
        ? 'Every picture is of the summary as it is now: none taken again (--force takes them all).'
        : `${taken} picture${taken === 1 ? '' : 's'} taken again, of the summaries that changed.`
    )
    for (const [name, height] of Object.entries(heights)) console.log(`${name}.png: ${WIDTH} × ${height} px`)
  } else {
    console.log(
      `${existsSync(CHROMIUM) ? 'No colour emoji font (fontconfig)' : `Chromium is not installed at ${CHROMIUM}`}: ` +
        'HTML only, the committed pictures are left as they are (apt-get install chromium fonts-noto-color-emoji ' +
        'for PNGs).'
    )
  }
}

await main()
