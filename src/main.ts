/**
 * The action: read the inputs once, run the probe, publish the verdict (outputs, job summary,
 * annotations, log), and fail the step according to fail-on. On SIGINT/SIGTERM (a cancelled job, or
 * timeout-minutes) the probe stops what is in flight and the verdict is still published.
 */
import * as core from '@actions/core'
import { isProxyUrl } from './aws/proxy.js'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import {
  InputError,
  parseFailOn,
  parseInputs,
  splitList,
  type FailOn,
  type ProbeInputs
} from './inputs/parse.js'
import type { Logger } from './support/logger.js'
import { runProbe } from './run/probe.js'
import type { ProbeOutcome } from './types.js'
import { neutraliseCommands } from './support/text.js'
import { redactAccount } from './report/redact.js'

export async function run(): Promise<void> {
  const merge = splitList(core.getInput('merge'))
  if (merge.length > 0) {
    try {
      await runMerge(merge)
    } catch (error) {
      core.setFailed(`bedrock-access-probe failed unexpectedly: ${messageOf(error)}`)
    }
    return
  }
  applyProxyInputs()
  let inputs: ProbeInputs
  try {
    inputs = await readInputs()
  } catch (error) {
    core.setFailed(
      error instanceof InputError ? error.message : `Could not read the inputs: ${messageOf(error)}`
    )
    return
  }

  // The runner sends SIGINT on cancel or timeout-minutes, then SIGTERM about 7.5 s later, then kills: stop the
  // work in flight at the first signal, so the outputs and the summary are written before the kill.
  const cancel = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    if (!cancel.signal.aborted)
      log.warning(`Received ${signal}: stopping the probe and publishing what it saw.`)
    cancel.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const outcome = await runProbe(inputs, {
      getIDToken: audience => core.getIDToken(audience),
      setSecret: secret => core.setSecret(secret),
      env: process.env,
      log,
      cancel: cancel.signal
    })
    // mask-account-id: the probe masked the account in the log; outputs and the summary are redacted here.
    const published = inputs.maskAccountId ? redactAccount(outcome) : outcome
    publishIdentity(outcome, inputs.maskAccountId)
    if (inputs.exportCredentials) exportCredentials(outcome)
    if (inputs.reportFile) writeReportFile(inputs.reportFile, published.report)
    // The renderers load with the verdict, not at start-up: nothing needs them before the checks are done.
    const { publish } = await import('./report/publish.js')
    await publish(published, inputs.failOn, log)
    if (inputs.comment && !published.report.cancelled) await postComment(published.report, inputs)
  } catch (error) {
    // A bug, not a verdict: say so in one line (no stack trace as the message), and fail the step.
    core.debug(error instanceof Error && error.stack ? error.stack : String(error))
    core.setFailed(`bedrock-access-probe failed unexpectedly: ${messageOf(error)}`)
  }
}

/**
 * merge: one summary and one result from the reports of a fleet's jobs (report-file, uploaded as artifacts).
 * No AWS call. Bad input (no file, not a report) fails the step naming the file.
 */
async function runMerge(patterns: string[]): Promise<void> {
  const { findReportFiles, mergeReports, readReports, MergeError } = await import('./report/merge.js')
  let failOn: FailOn
  try {
    failOn = parseFailOn(core.getInput('fail-on'))
  } catch (error) {
    core.setFailed((error as Error).message)
    return
  }
  try {
    const files = await findReportFiles(patterns, process.env.GITHUB_WORKSPACE ?? process.cwd())
    log.info(`Merging ${files.length} report${files.length === 1 ? '' : 's'}: ${files.join(', ')}`)
    const { publish } = await import('./report/publish.js')
    await publish(mergeReports(readReports(files)), failOn, log)
  } catch (error) {
    if (error instanceof MergeError) core.setFailed(`Input "merge": ${error.message}.`)
    else throw error
  }
}

/** report-file: the report as JSON on disk, for actions/upload-artifact and a later merge. */
function writeReportFile(path: string, report: ProbeOutcome['report']): void {
  const target = isAbsolute(path) ? path : join(process.env.GITHUB_WORKSPACE ?? process.cwd(), path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, JSON.stringify(report, null, 2) + '\n')
  log.info(`The report is in ${target}.`)
}

/**
 * Who was checked, as outputs (aws-account-id, authenticated-arn, credential-source). With mask-account-id the
 * values are still set, for later steps to use, and masked in every log, as configure-aws-credentials does.
 */
function publishIdentity({ report }: ProbeOutcome, maskAccountId: boolean): void {
  const identity = report.identity
  if (identity && maskAccountId) {
    if (identity.account) core.setSecret(identity.account)
    if (identity.arn) core.setSecret(identity.arn)
  }
  core.setOutput('aws-account-id', identity?.account ?? '')
  core.setOutput('authenticated-arn', identity?.arn ?? '')
  core.setOutput('credential-source', report.credentialSource ?? '')
}

/**
 * export-credentials: the credentials the probe proved, as AWS_* variables for the later steps of this job
 * (masked first). An API key needs no export: AWS_BEARER_TOKEN_BEDROCK is already in the environment.
 */
function exportCredentials({ credentials, report }: ProbeOutcome): void {
  if (!credentials) {
    log.warning(
      report.credentialSource === 'bedrock-api-key'
        ? 'export-credentials: the probe used the Bedrock API key already in AWS_BEARER_TOKEN_BEDROCK; nothing to export.'
        : 'export-credentials: no working credentials to export (see the credentials gate).'
    )
    return
  }
  for (const secret of [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken])
    if (secret) core.setSecret(secret)
  core.exportVariable('AWS_ACCESS_KEY_ID', credentials.accessKeyId)
  core.exportVariable('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey)
  // Static keys have no session token: an old one left in the environment would spoil the new keys.
  core.exportVariable('AWS_SESSION_TOKEN', credentials.sessionToken ?? '')
  if (!process.env.AWS_REGION) core.exportVariable('AWS_REGION', credentials.region)
  if (!process.env.AWS_DEFAULT_REGION) core.exportVariable('AWS_DEFAULT_REGION', credentials.region)
  log.info(
    'export-credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN are set for later steps.'
  )
}

/**
 * The http-proxy and no-proxy inputs, for the toolkit too: the OIDC token and GitHub API requests go through
 * @actions/http-client, which reads the *_PROXY variables. A proxy's credentials are masked before anything
 * could print them.
 */
function applyProxyInputs(): void {
  const proxy = core.getInput('http-proxy').trim()
  const noProxy = core.getInput('no-proxy').trim()
  for (const url of [
    proxy,
    process.env.HTTPS_PROXY,
    process.env.https_proxy,
    process.env.HTTP_PROXY,
    process.env.http_proxy
  ]) {
    if (url && isProxyUrl(url)) {
      const { password } = new URL(url)
      if (password) {
        core.setSecret(decodeURIComponent(password))
        core.setSecret(url)
      }
    }
  }
  if (proxy && isProxyUrl(proxy)) {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) process.env[name] = proxy
  }
  if (noProxy) for (const name of ['NO_PROXY', 'no_proxy']) process.env[name] = noProxy
}

/** Every line the probe prints goes through here: text from AWS or a token must not act as a workflow command. */
const log: Logger = {
  info: message => core.info(neutraliseCommands(message)),
  warning: message => core.warning(neutraliseCommands(message))
}

async function readInputs(): Promise<ProbeInputs> {
  const read = (name: string) => core.getInput(name)
  const patterns = read('models-from')
  if (!patterns.trim()) return parseInputs(read, process.env)
  // Loaded only for models-from: the glob library is not needed by most runs.
  const { findModelIds, preferAdded, pullRequestAddedIds } = await import('./inputs/models-from.js')
  let extra = await findModelIds(patterns, process.env.GITHUB_WORKSPACE ?? process.cwd())
  if (process.env.GITHUB_EVENT_NAME?.startsWith('pull_request')) {
    // The IDs a pull request adds are probed first, and annotated on the added line.
    const added = await pullRequestAddedIds(read('github-token') || undefined, log)
    extra = preferAdded(extra, added)
  }
  return parseInputs(read, process.env, extra)
}

async function postComment(report: ProbeOutcome['report'], inputs: ProbeInputs): Promise<void> {
  // Loaded only when asked for: it pulls in Octokit, which most runs do not need.
  const { upsertPullRequestComment } = await import('./report/comment.js')
  await upsertPullRequestComment(report, inputs.githubToken, log)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
