/**
 * The optional sticky PR comment (comment: true). Octokit is loaded only when a comment is posted.
 */
import { gitHubApi } from '../../support/github-api.js'
import type { Logger } from '../../support/logger.js'
import { renderComment } from '../render/summary.js'
import type { Report } from '../../types.js'

const MARKER = '<!-- bedrock-access-probe -->'

export async function upsertPullRequestComment(
  report: Report,
  token: string | undefined,
  log: Pick<Logger, 'warning'>
): Promise<void> {
  const github = await gitHubApi()
  const pull = github.context.payload.pull_request
  if (!pull) {
    log.warning('comment: true only posts on pull_request events; skipped.')
    return
  }
  if (!token) {
    log.warning(
      'comment: true needs github-token (default: the job token with pull-requests: write); skipped.'
    )
    return
  }
  const { serverUrl, runId } = github.context
  const repository = process.env.GITHUB_REPOSITORY
  // The pull request's head, not the merge commit GITHUB_SHA names.
  const commit = (pull.head as { sha?: string } | undefined)?.sha || github.context.sha
  const summary = renderComment(report, {
    ...(repository && runId ? { runUrl: `${serverUrl}/${repository}/actions/runs/${runId}` } : {}),
    ...(commit ? { commit } : {}),
    time: new Date()
  })
  try {
    const octokit = github.getOctokit(token)
    const { owner, repo } = github.context.repo
    // A blank line after the marker: GitHub's parser then reads the summary as blocks of its own.
    const body = `${MARKER}\n\n${summary}`
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pull.number,
      per_page: 100
    })
    const existing = comments.find(comment => comment.body?.startsWith(MARKER))
    if (existing) await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
    else await octokit.rest.issues.createComment({ owner, repo, issue_number: pull.number, body })
  } catch (error) {
    log.warning(`Could not post the PR comment (needs pull-requests: write): ${(error as Error).message}`)
  }
}
