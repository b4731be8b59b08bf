/**
 * The action: read the inputs once, run the probe, publish the verdict (outputs, job summary,
 * annotations, log), and fail the step according to fail-on.
 */
import * as core from '@actions/core'
import { InputError, parseInputs, type ProbeInputs } from './inputs.js'
import { runProbe } from './probe.js'
import { shouldFail } from './report/verdict.js'
import { annotationsFor } from './report/annotations.js'
import { redactAccount } from './report/redact.js'
import { renderSummary } from './report/summary.js'
import { renderText } from './report/terminal.js'

export async function run(): Promise<void> {
  let inputs: ProbeInputs
  try {
    inputs = await readInputs()
  } catch (error) {
    core.setFailed(
      error instanceof InputError ? error.message : `Could not read the inputs: ${messageOf(error)}`
    )
    return
  }

  try {
    const outcome = await runProbe(inputs, {
      getIDToken: audience => core.getIDToken(audience),
      setSecret: secret => core.setSecret(secret),
      env: process.env,
      log: { info: message => core.info(message), warning: message => core.warning(message) }
    })
    // mask-account-id: the probe masked the account in the log; outputs and the summary are redacted here.
    const { report, iamPolicy } = inputs.maskAccountId ? redactAccount(outcome) : outcome

    core.setOutput('result', report.result)
    core.setOutput('report', JSON.stringify(report))
    core.setOutput('iam-policy', iamPolicy)
    core.info(renderText(report, iamPolicy))

    const summary = renderSummary(report, iamPolicy)
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write()
    for (const annotation of annotationsFor(report)) {
      if (annotation.level === 'error') core.error(annotation.message, annotation.properties)
      else core.warning(annotation.message, annotation.properties)
    }
    if (inputs.comment) await postComment(summary, inputs)

    if (shouldFail(report, inputs.failOn)) {
      core.setFailed(
        report.result === 'fail'
          ? `${report.counts.fail} of ${report.checks.length} Bedrock access checks failed: see the job summary for the closed gates and their fixes.`
          : `${report.counts.warn} Bedrock access checks have warnings, and fail-on is warn.`
      )
    }
  } catch (error) {
    // A bug, not a verdict: say so in one line (no stack trace as the message), and fail the step.
    core.debug(error instanceof Error && error.stack ? error.stack : String(error))
    core.setFailed(`bedrock-access-probe failed unexpectedly: ${messageOf(error)}`)
  }
}

async function readInputs(): Promise<ProbeInputs> {
  const read = (name: string) => core.getInput(name)
  const patterns = read('models-from')
  if (!patterns.trim()) return parseInputs(read, process.env)
  // Loaded only for models-from: the glob library is not needed by most runs.
  const { findModelIds, preferAdded, pullRequestAddedIds } = await import('./models-from.js')
  let extra = await findModelIds(patterns, process.env.GITHUB_WORKSPACE ?? process.cwd())
  if (process.env.GITHUB_EVENT_NAME?.startsWith('pull_request')) {
    // The IDs a pull request adds are probed first, and annotated on the added line.
    const added = await pullRequestAddedIds(read('github-token') || undefined, {
      warning: message => core.warning(message)
    })
    extra = preferAdded(extra, added)
  }
  return parseInputs(read, process.env, extra)
}

async function postComment(summary: string, inputs: ProbeInputs): Promise<void> {
  // Loaded only when asked for: it pulls in Octokit, which most runs do not need.
  const { upsertPullRequestComment } = await import('./comment.js')
  await upsertPullRequestComment(summary, inputs.githubToken, { warning: message => core.warning(message) })
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
