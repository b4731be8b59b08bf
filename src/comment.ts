/**
 * The optional sticky PR comment (comment: true). Loaded with a dynamic import only when asked for, so
 * ordinary runs never load Octokit.
 */
import * as github from '@actions/github'
import type { Logger } from './logger.js'

const MARKER = '<!-- bedrock-access-probe -->'

export async function upsertPullRequestComment(
  summary: string,
  token: string | undefined,
  log: Pick<Logger, 'warning'>
): Promise<void> {
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
  try {
    const octokit = github.getOctokit(token)
    const { owner, repo } = github.context.repo
    const body = `${MARKER}\n${summary}`
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
