/**
 * The calls a workload makes to a model, and the IAM action each needs. A green probe must mean the job after
 * it works, so the probe makes the calls the job will make: a streaming client (Claude Code, Cline, Strands,
 * most chat apps) needs bedrock:InvokeModelWithResponseStream, which bedrock:InvokeModel does not grant.
 *
 * Actions per operation (Service Authorization Reference for Amazon Bedrock; Bedrock user guide, "Prerequisites
 * for running model inference"): Converse and InvokeModel are authorized as bedrock:InvokeModel, ConverseStream
 * and InvokeModelWithResponseStream as bedrock:InvokeModelWithResponseStream.
 */
export const CALLS = ['converse', 'converse-stream', 'invoke', 'invoke-stream'] as const
export type CallKind = (typeof CALLS)[number]

export const DEFAULT_CALLS: readonly CallKind[] = ['converse']

export const CALL_OPERATION: Record<CallKind, string> = {
  converse: 'Converse',
  'converse-stream': 'ConverseStream',
  invoke: 'InvokeModel',
  'invoke-stream': 'InvokeModelWithResponseStream'
}

export const CALL_ACTION: Record<CallKind, string> = {
  converse: 'bedrock:InvokeModel',
  invoke: 'bedrock:InvokeModel',
  'converse-stream': 'bedrock:InvokeModelWithResponseStream',
  'invoke-stream': 'bedrock:InvokeModelWithResponseStream'
}

export function isStreaming(call: CallKind): boolean {
  return call === 'converse-stream' || call === 'invoke-stream'
}

export function isCallKind(value: string): value is CallKind {
  return (CALLS as readonly string[]).includes(value)
}

/** The IAM actions of the calls, deduplicated, InvokeModel first. */
export function actionsOf(calls: readonly CallKind[]): string[] {
  return [...new Set(calls.map(call => CALL_ACTION[call]))].sort()
}
