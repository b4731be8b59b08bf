/**
 * npm run render: what users see, rendered. Runs the committed bundle (dist/index.js) as the runner does against
 * the emulator in five scenarios, and writes each job summary and PR comment to docs/render/ as HTML with
 * GitHub-like styling; where Chromium is installed, also as a PNG at GitHub's content width (1000 px), cropped to
 * its content, and prints each picture's height. No AWS account needed.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateSync, inflateSync } from 'node:zlib'
import { startEmulator } from '../emulator/server.js'
import { freshAccount, openAccount, type EmulatorState } from '../emulator/state.js'
import { ROOT, runAction, type RunOptions } from '../emulator/runner.js'
import { renderSummary } from '../src/report/summary.js'

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
body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
  "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; font-size: 14px; line-height: 1.5; color: #1f2328;
  background: #fff; margin: 0; padding: 16px 24px; width: ${WIDTH - 48}px; }
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

/** The few markdown constructs the summary uses beside HTML: fenced code blocks. */
function markdownToHtml(text: string): string {
  return text.replace(/```(\w*)\n([\s\S]*?)\n```/g, (_match, _lang: string, body: string) => {
    const escaped = body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    return `<pre><code>${escaped}</code></pre>`
  })
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body>${markdownToHtml(body)}</body></html>\n`
}

function chromium(): string | undefined {
  for (const candidate of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('which', [candidate], { encoding: 'utf8' })
    if (found.status === 0) return found.stdout.trim()
  }
  return undefined
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  const browser = chromium()
  const heights: Record<string, number> = {}
  for (const scenario of SCENARIOS) {
    const emulator = await startEmulator(scenario.state())
    const run = await runAction(emulator, scenario.inputs, scenario.options ?? {})
    await emulator.close()
    if (!run.report) throw new Error(`${scenario.name}: no report\n${run.stdout}\n${run.stderr}`)
    const comment = renderSummary(run.report, {
      comment: {
        runUrl: 'https://github.com/octo-org/octo-repo/actions/runs/1234567890',
        commit: 'c0ffee1d5e7a9b3f2e4d6c8a0b1c2d3e4f5a6b7c',
        time: new Date('2026-11-23T12:00:00Z')
      }
    })
    for (const [kind, body] of [
      ['summary', run.summary],
      ['comment', comment]
    ] as const) {
      const html = join(OUT, `${scenario.name}.${kind}.html`)
      writeFileSync(html, page(`${scenario.title} (${kind})`, body))
      if (!browser) continue
      const png = join(OUT, `${scenario.name}.${kind}.png`)
      const shot = spawnSync(
        browser,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--hide-scrollbars',
          '--force-device-scale-factor=1',
          `--window-size=${WIDTH},8000`,
          `--screenshot=${png}`,
          `file://${html}`
        ],
        { encoding: 'utf8', timeout: 60_000 }
      )
      if (shot.status !== 0) throw new Error(`chromium failed: ${shot.stderr}`)
      heights[`${scenario.name}.${kind}`] = cropToContent(png)
    }
    console.log(`${scenario.name}: result ${run.outputs.result}, ${run.report.checks.length} checks`)
  }
  if (browser) {
    writeFileSync(join(OUT, 'heights.json'), JSON.stringify(heights, null, 2) + '\n')
    for (const [name, height] of Object.entries(heights)) console.log(`${name}.png: ${WIDTH} × ${height} px`)
  } else {
    console.log(
      'Chromium is not installed: HTML only (apt-get install chromium fonts-noto-color-emoji for PNGs).'
    )
  }
}

/**
 * Crop a screenshot to the last row that is not page background (plus a margin) and return its height. A small
 * PNG reader and writer: 8-bit RGB or RGBA, not interlaced, as Chromium writes them.
 */
function cropToContent(path: string): number {
  const file = readFileSync(path)
  let offset = 8
  let width = 0
  let height = 0
  let channels = 0
  const data: Buffer[] = []
  while (offset < file.length) {
    const length = file.readUInt32BE(offset)
    const type = file.toString('latin1', offset + 4, offset + 8)
    const chunk = file.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0)
      height = chunk.readUInt32BE(4)
      channels = chunk[9] === 6 ? 4 : 3
      if (chunk[8] !== 8 || chunk[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs')
    } else if (type === 'IDAT') data.push(chunk)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(data))
  const stride = width * channels
  const pixels = Buffer.alloc(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0
      let value = line[x]!
      if (filter === 1) value += left
      else if (filter === 2) value += up
      else if (filter === 3) value += (left + up) >> 1
      else if (filter === 4) {
        const p = left + up - upLeft
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)]
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
      }
      pixels[y * stride + x] = value & 0xff
    }
  }
  let last = 0
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride)
    if (row.some(byte => byte < 250)) last = y
  }
  const cropped = Math.min(height, last + 17)
  const out = Buffer.alloc(cropped * (stride + 1))
  for (let y = 0; y < cropped; y++) pixels.copy(out, y * (stride + 1) + 1, y * stride, (y + 1) * stride)
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(body.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0)
    return Buffer.concat([head, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(cropped, 4)
  header[8] = 8
  header[9] = channels === 4 ? 6 : 2
  writeFileSync(
    path,
    Buffer.concat([
      file.subarray(0, 8),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(out, { level: 9 })),
      chunk('IEND', Buffer.alloc(0))
    ])
  )
  return cropped
}

await main()
