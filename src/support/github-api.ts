/**
 * The Actions toolkit's GitHub client (Octokit and the run's context), loaded on first use: only the runs that
 * post a PR comment, keep a watch issue or read a pull request's diff load it, with undici before it (Octokit's
 * fetch needs undici's ProxyAgent behind a proxy; src/support/undici-on-demand.ts). The one place the run defers
 * code: a run ends about 50 ms sooner without undici and Octokit (docs/performance.md).
 */
import { loadUndici } from './undici-on-demand.js'

export type GitHubApi = typeof import('@actions/github')

export async function gitHubApi(): Promise<GitHubApi> {
  await loadUndici()
  return import('@actions/github')
}
