/**
 * The action: read the inputs once, run the probe, publish the verdict (outputs, job summary, annotations, log),
 * and fail the step according to fail-on. On SIGINT/SIGTERM (a cancelled job, or timeout-minutes) the probe stops
 * what is in flight and the verdict is still published. The CLI (src/cli/) is the same run behind flags.
 */
import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import type { ProxySettings } from './aws/proxy.js'
import { readMergeInputs, readProbeInputs, type InputSource, type ProbeInputs } from './inputs/parse.js'
import { InputError } from './inputs/values.js'
import { accountsIn, redactAccount } from './report/build/redact.js'
import { pullRequestAddedIds, withAddedFirst } from './inputs/models-from.js'
import { upsertPullRequestComment } from './report/github/comment.js'
import { syncWatchIssue, watchContext } from './report/github/issue.js'
import { publish } from './report/github/publish.js'
import { MergeError, mergeReportFiles } from './report/merge/merge.js'
import { runProbe } from './run/probe.js'
import type { Logger } from './support/logger.js'
import { neutraliseCommands } from './support/text.js'
import type { ProbeOutcome } from './types.js'

const workspace = () => process.env.GITHUB_WORKSPACE ?? process.cwd()

export async function run(): Promise<void> {
  try {
    if (core.getInput('merge').trim()) return await merge()
    const inputs = await readInputs()
    if (!inputs) return
    const outcome = await probeUntilCancelled(inputs)
    // mask-account-id: the probe masked the account in the log; outputs and the summary are redacted here.
    const published = inputs.maskAccountId ? redactAccount(outcome) : outcome
    publishIdentity(outcome, inputs.maskAccountId)
    if (inputs.exportCredentials) exportCredentials(outcome)
    if (inputs.reportFile) writeReportFile(inputs.reportFile, published.report)
    await publish(published, inputs.failOn, log)
    if (inputs.comment && !published.report.cancelled) await postComment(published.report, inputs)
    if (inputs.openIssue !== 'never') await watchIssue(published.report, inputs)
  } catch (error) {
    // A bug, not a verdict: say so in one line (no stack trace as the message), and fail the step.
    core.debug(error instanceof Error && error.stack ? error.stack : String(error))
    core.setFailed(`bedrock-access-probe failed unexpectedly: ${messageOf(error)}`)
  }
}

/** The inputs, or undefined when one is refused (the step fails naming it, before any AWS call). */
async function readInputs(): Promise<ProbeInputs | undefined> {
  const source: InputSource = { read: name => core.getInput(name), env: process.env, cwd: workspace() }
  try {
    const inputs = await readProbeInputs(source)
    if (inputs.proxy) useProxyForTheToolkit(inputs.proxy)
    const onPullRequest = process.env.GITHUB_EVENT_NAME?.startsWith('pull_request')
    const foundInFiles = inputs.pairs.some(pair => pair.source !== undefined)
    if (!onPullRequest || !foundInFiles) return inputs
    // The IDs a pull request adds are probed first, and annotated on the added line.
    return withAddedFirst(inputs, await pullRequestAddedIds(inputs.githubToken, log))
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    core.setFailed(error.message)
    return undefined
  }
}

/**
 * The run, stopped at the runner's first signal: on cancel or timeout-minutes it sends SIGINT, then SIGTERM about
 * 7.5 s later, then kills; the work in flight stops at once, so the outputs and the summary are written in time.
 */
async function probeUntilCancelled(inputs: ProbeInputs): Promise<ProbeOutcome> {
  const cancel = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    if (!cancel.signal.aborted)
      log.warning(`Received ${signal}: stopping the probe and publishing what it saw.`)
    cancel.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return runProbe(inputs, {
    getIDToken: audience => core.getIDToken(audience),
    setSecret: secret => core.setSecret(secret),
    env: process.env,
    log,
    cancel: cancel.signal
  })
}

/**
 * merge: one summary and one result from the reports of a fleet's jobs (report-file, uploaded as artifacts).
 * No AWS call. Bad input (no file, not a report) fails the step naming the file.
 */
async function merge(): Promise<void> {
  try {
    const { patterns, failOn, openIssue, githubToken } = readMergeInputs(name => core.getInput(name))
    const outcome = await mergeReportFiles(patterns, workspace(), log)
    await publish(outcome, failOn, log)
    if (openIssue !== 'never') await watchIssue(outcome.report, { openIssue, githubToken })
  } catch (error) {
    if (error instanceof MergeError) core.setFailed(`Input "merge": ${error.message}.`)
    else if (error instanceof InputError) core.setFailed(error.message)
    else throw error
  }
}

/** report-file: the report as JSON on disk, for actions/upload-artifact and a later merge. */
function writeReportFile(path: string, report: ProbeOutcome['report']): void {
  const target = isAbsolute(path) ? path : join(workspace(), path)
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
  if (maskAccountId) {
    // Every account the run touched, not only the caller's: the runner masks them in the log from here on.
    for (const account of accountsIn(report)) core.setSecret(account)
    if (identity?.arn) core.setSecret(identity.arn)
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
 * The proxy the inputs resolved (src/inputs/network.ts), for the toolkit too: the OIDC token and GitHub API
 * requests go through @actions/http-client, which reads the *_PROXY variables. Its credentials are masked first.
 */
function useProxyForTheToolkit(proxy: ProxySettings): void {
  const { password } = new URL(proxy.url)
  if (password) {
    core.setSecret(decodeURIComponent(password))
    core.setSecret(proxy.url)
  }
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) process.env[name] = proxy.url
  const noProxy = proxy.noProxy.join(',')
  if (noProxy) for (const name of ['NO_PROXY', 'no_proxy']) process.env[name] = noProxy
}

/** Every line the probe prints goes through here: text from AWS or a token must not act as a workflow command. */
const log: Logger = {
  info: message => core.info(neutraliseCommands(message)),
  warning: message => core.warning(neutraliseCommands(message))
}

async function postComment(report: ProbeOutcome['report'], inputs: ProbeInputs): Promise<void> {
  await upsertPullRequestComment(report, inputs.githubToken, log)
}

/** open-issue: the watch issue of this workflow and job, opened, updated or closed; loaded only when asked for. */
async function watchIssue(
  report: ProbeOutcome['report'],
  inputs: Pick<ProbeInputs, 'openIssue' | 'githubToken'>
): Promise<void> {
  await syncWatchIssue(report, inputs.githubToken, inputs.openIssue, watchContext(process.env), log)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
