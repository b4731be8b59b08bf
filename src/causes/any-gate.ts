/**
 * Every cause of no one gate: faults (the evidence was lost) and evidence that could not be read, which are never
 * a verdict. Each entry holds the cause's words, the AWS messages that recognise it (`messages`: the catalogue's
 * rows, src/diagnosis/catalogue.ts) and its fix; changing a cause is changing its entry. Which cause applies is
 * decided by the gate's rules (src/gates/common.ts).
 */
import type { CauseSpec } from './types.js'

export const ANY_GATE_CAUSES = {
  'not-evaluated': {
    gate: 'any',
    kind: 'unproven',
    title: 'not evaluated (an earlier gate is closed)',
    cell: 'not evaluated'
  },
  credentials: {
    gate: 'any',
    kind: 'unproven',
    title: 'not checked (no usable credentials)',
    cell: 'not checked',
    nextStep: 'Fix the credentials gate first.'
  },
  fault: {
    gate: 'any',
    kind: 'fault',
    title: 'an unreadable answer',
    cell: 'fault',
    headline: 'AWS gave an answer the probe could not read',
    fix: () => 'A fault, not a closed gate: re-run the probe.'
  },
  'timed-out': {
    gate: 'any',
    kind: 'fault',
    title: 'AWS did not answer in time',
    cell: 'timed out',
    headline: 'AWS did not answer in time',
    fix: () =>
      'AWS did not answer in time from this runner: re-run, or raise request-timeout-seconds if it is slow from here.'
  },
  unreachable: {
    gate: 'any',
    kind: 'fault',
    title: 'AWS unreachable from this runner',
    cell: 'unreachable',
    headline: 'Could not reach AWS from this runner',
    fix: () =>
      'This runner cannot reach the AWS endpoint: check its network and DNS, the HTTPS_PROXY it must use, or the VPC ' +
      'endpoint for Bedrock (com.amazonaws.REGION.bedrock and bedrock-runtime) and STS.'
  },
  'region-unknown': {
    gate: 'any',
    kind: 'fault',
    title: 'a region AWS does not seem to have',
    cell: 'no such region',
    headline: "A region this probe's AWS SDK does not know, whose endpoint does not exist",
    fix: ctx =>
      `${ctx.groups[0] || 'The region'} is not a region this AWS SDK knows, and its endpoint's name does not resolve` +
      (ctx.groups[1] ? `: did you mean ${ctx.groups[1]}? Correct` : ': check the spelling in') +
      ' the regions input (or AWS_REGION). If the spelling is right, the region is newer than this release of the ' +
      'probe, or this runner cannot resolve AWS hostnames (check its DNS).'
  },
  'not-from-aws': {
    gate: 'any',
    kind: 'fault',
    title: 'an answer that did not come from AWS',
    cell: 'not AWS',
    headline: 'Something other than AWS answered this runner (a proxy or firewall)',
    fix: () =>
      'Something between this runner and AWS (a proxy, a firewall, a captive portal) answered instead of AWS: allow the ' +
      'runner through to the Bedrock and STS endpoints, or set the proxy it must use.'
  },
  'tls-untrusted': {
    gate: 'any',
    kind: 'fault',
    title: 'an untrusted TLS certificate',
    cell: 'TLS',
    headline: 'This runner does not trust the TLS certificate it was shown',
    fix: () =>
      'The runner does not trust the certificate it was shown, often a TLS-inspecting proxy: point NODE_EXTRA_CA_CERTS at ' +
      "that proxy's CA bundle for this step."
  },
  'model-not-serving': {
    gate: 'any',
    kind: 'fault',
    title: 'the model could not serve the request',
    cell: 'model failed',
    headline: 'The request was authorized, then the model could not serve it',
    fix: () =>
      'No gate is closed: the request passed authorization and reached the model, which failed to answer it. Re-run the ' +
      'probe; if it persists, the model (or imported model) is not serving: Bedrock unloads an imported model that was ' +
      'idle and reloads it on demand (retry after a few minutes); otherwise try another region or an inference profile, ' +
      'and check the AWS Health Dashboard for Amazon Bedrock.',
    sources: [
      'docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html (ModelErrorException, ModelNotReadyException, ModelTimeoutException)',
      'docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html (ModelStreamErrorException)',
      'repost.aws/knowledge-center/bedrock-imported-models-modelnotreadyexception'
    ]
  },
  'service-error': {
    gate: 'any',
    kind: 'fault',
    title: 'AWS server errors',
    cell: 'AWS 5xx',
    headline: 'AWS answered with server errors',
    fix: () => 'AWS answered with a server error (5xx) after retries: re-run the probe.'
  },
  'proxy-failed': {
    gate: 'any',
    kind: 'fault',
    title: 'the proxy failed',
    cell: 'proxy',
    headline: 'The proxy did not carry the requests to AWS',
    fix: () =>
      'The proxy refused or could not carry the request: check the http-proxy input or HTTPS_PROXY, that the proxy ' +
      'allows CONNECT to the Bedrock and STS endpoints (*.amazonaws.com:443), its credentials, and NO_PROXY.'
  },
  cancelled: {
    gate: 'any',
    kind: 'fault',
    title: 'cancelled',
    cell: 'cancelled',
    headline: 'Cancelled before AWS answered',
    fix: () => 'The job was cancelled or hit timeout-minutes before AWS answered: re-run it.'
  },
  'read-denied': {
    gate: 'any',
    kind: 'unproven',
    title: 'the control plane may not be read',
    cell: 'not read',
    fix: ctx =>
      `Grant ${ctx.permission ?? 'the read permission'} to make this gate definitive without a call (read-only, no model cost).`,
    headline: 'This identity may not read the control plane, and no call proved access'
  },
  'not-found': {
    gate: 'any',
    kind: 'unproven',
    title: 'not found',
    cell: 'not found'
  },
  'not-read': {
    gate: 'any',
    kind: 'unproven',
    title: 'not read',
    cell: 'not read'
  }
} as const satisfies Record<string, CauseSpec>
