/**
 * open-issue: a scheduled watch keeps one issue per workflow and job open while access is broken. The issue is
 * found again by a marker in its body, among the open issues with the bedrock-access-probe label (listed, not
 * searched: the search API lags behind new issues, and refuses a query without is:issue). A failing run opens it or
 * updates its body and comments what changed; a passing run comments and closes it. Loaded with a dynamic import
 * only when asked for; a missing permission is said once, and the verdict stays what it was.
 */
import type { OpenIssue } from '../../inputs/parse.js'
import type { Logger } from '../../support/logger.js'
import { gitHubApi } from '../../support/github-api.js'
import type { Report } from '../../types.js'
import { headline } from '../build/findings.js'
import { renderSummary } from '../render/summary.js'

export const WATCH_LABEL = 'bedrock-access-probe'
/** GitHub refuses an issue body over 65,536 characters. */
const MAX_BODY = 65_000

export interface WatchContext {
  /** The workflow (its file, from GITHUB_WORKFLOW_REF, else its name) and the job (GITHUB_JOB). */
  workflow: string
  job: string
  runUrl?: string
  commit?: string
}

/** Whether this run's result is one the watch reports: a failure, or with `warnings` a warning too. */
export function wantsIssue(report: Report, mode: OpenIssue): boolean {
  if (mode === 'never') return false
  if (report.result !== 'pass') return true
  return mode === 'warnings' && report.counts.warn > 0
}

/** The marker that finds the issue again: the workflow and the job, in an HTML comment GitHub does not show. */
export function watchMarker({ workflow, job }: Pick<WatchContext, 'workflow' | 'job'>): string {
  const safe = (text: string) => text.replace(/--+/g, '-').replace(/[<>]/g, '')
  return `<!-- bedrock-access-probe:watch workflow=${safe(workflow)} job=${safe(job)} -->`
}

/**
 * What the watch reports, one line per closed or warning gate ("model @ region: Gate cause"), kept in the body so
 * the next run can say what changed.
 */
export function problemsOf(report: Report): string[] {
  const lines = new Set<string>()
  for (const check of report.checks)
    for (const [gate, result] of Object.entries(check.gates))
      if (result.status === 'fail' || result.status === 'warn')
        lines.add(
          `${check.model} @ ${check.region}: ${gate} ${result.status}${result.cause ? ` (${result.cause})` : ''}`
        )
  if (report.useCaseForm?.credentials?.status === 'fail')
    lines.add(`management role ${report.useCaseForm.roleArn ?? ''}: credentials fail`)
  return [...lines].sort()
}

const STATE = /<!-- bedrock-access-probe:state (.*?) -->/s

function stateOf(body: string | null | undefined): string[] | undefined {
  const match = STATE.exec(body ?? '')
  if (!match) return undefined
  try {
    const value = JSON.parse(match[1]!) as unknown
    return Array.isArray(value) ? value.filter((line): line is string => typeof line === 'string') : undefined
  } catch {
    return undefined
  }
}

/** The issue body: the marker, the problems for the next run to compare, then the summary as GitHub renders it. */
export function issueBody(report: Report, context: WatchContext): string {
  // "--" would end the HTML comment: JSON escapes it, so the state survives any model ID or cause.
  const state = JSON.stringify(problemsOf(report)).replace(/-/g, '\\u002d')
  const head = `${watchMarker(context)}\n<!-- bedrock-access-probe:state ${state} -->\n\n`
  const summary = renderSummary(report, {
    comment: {
      ...(context.runUrl ? { runUrl: context.runUrl } : {}),
      ...(context.commit ? { commit: context.commit } : {}),
      time: new Date()
    }
  })
  const body = head + summary
  if (body.length <= MAX_BODY) return body
  const note = `\n\n<p>The summary is cut here: the whole of it is in the ${context.runUrl ? `<a href="${context.runUrl}">workflow run</a>` : 'workflow run'}.</p>\n`
  return body.slice(0, MAX_BODY - note.length) + note
}

/** What changed since the issue was last written: newly seen problems, and those gone. */
export function changesSince(previous: string[] | undefined, now: string[]): string | undefined {
  if (!previous) return undefined
  const added = now.filter(line => !previous.includes(line))
  const gone = previous.filter(line => !now.includes(line))
  if (added.length === 0 && gone.length === 0) return undefined
  const list = (lines: string[]) => lines.map(line => `- \`${line.replace(/`/g, "'")}\``).join('\n')
  return [
    ...(added.length > 0 ? [`New since the last run:\n\n${list(added)}`] : []),
    ...(gone.length > 0 ? [`No longer seen:\n\n${list(gone)}`] : [])
  ].join('\n\n')
}

export function issueTitle(report: Report, { workflow, job }: WatchContext): string {
  return `${headline(report)} (${workflow} / ${job})`.slice(0, 250)
}

export type WatchAction = 'opened' | 'updated' | 'closed' | 'none'

/** Open, update or close the watch issue for this run; never throws, and never changes the verdict. */
export async function syncWatchIssue(
  report: Report,
  token: string | undefined,
  mode: OpenIssue,
  context: WatchContext,
  log: Pick<Logger, 'info' | 'warning'>
): Promise<WatchAction> {
  if (mode === 'never' || report.cancelled) return 'none'
  if (!token) {
    log.warning(
      'open-issue needs github-token (the job token, with permissions: issues: write); no issue was opened.'
    )
    return 'none'
  }
  try {
    const github = await gitHubApi()
    const octokit = github.getOctokit(token)
    const { owner, repo } = github.context.repo
    const marker = watchMarker(context)
    const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner,
      repo,
      state: 'open',
      labels: WATCH_LABEL,
      per_page: 100
    })
    const existing = open.find(issue => !issue.pull_request && issue.body?.includes(marker))
    const run = context.runUrl ? `[this run](${context.runUrl})` : 'this run'
    if (!wantsIssue(report, mode)) {
      if (!existing) return 'none'
      await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: existing.number,
        body: `Access proven again by ${run}: ${headline(report)}. Closing.`
      })
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: existing.number,
        state: 'closed',
        state_reason: 'completed'
      })
      log.info(`Closed the watch issue #${existing.number}: access is proven again.`)
      return 'closed'
    }
    const body = issueBody(report, context)
    const title = issueTitle(report, context)
    if (!existing) {
      const created = await octokit.rest.issues.create({ owner, repo, title, body, labels: [WATCH_LABEL] })
      log.info(`Opened the watch issue #${created.data.number}.`)
      return 'opened'
    }
    const changed = changesSince(stateOf(existing.body), problemsOf(report))
    await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, title, body })
    if (changed)
      await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: existing.number,
        body: `${run} still fails, and something changed.\n\n${changed}`
      })
    log.info(`Updated the watch issue #${existing.number}${changed ? ' (and said what changed)' : ''}.`)
    return 'updated'
  } catch (error) {
    log.warning(
      `open-issue could not open or update the issue (needs permissions: issues: write): ${(error as Error).message}`
    )
    return 'none'
  }
}

/** The workflow and job of this run, as the runner names them. */
export function watchContext(env: NodeJS.ProcessEnv): WatchContext {
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/watch.yml@refs/heads/main; the file, without the ref.
  const workflowFile = env.GITHUB_WORKFLOW_REF?.split('@')[0]?.split('/').slice(2).join('/')
  // What the toolkit's context reads, from the same variables, so that Octokit is not loaded for it.
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com'
  const runId = Number(env.GITHUB_RUN_ID) || undefined
  const repository = env.GITHUB_REPOSITORY
  return {
    workflow: workflowFile || env.GITHUB_WORKFLOW || 'workflow',
    job: env.GITHUB_JOB || 'job',
    ...(repository && runId ? { runUrl: `${serverUrl}/${repository}/actions/runs/${runId}` } : {}),
    ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {})
  }
}
