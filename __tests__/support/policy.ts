/**
 * An IAM policy document, as the emulated identity's only permissions: the control-plane actions it does not
 * allow are denied, and the model calls are allowed only on the resources (IAM patterns) its statements name.
 * Enough of IAM's evaluation for the documented policies: Allow statements, actions with wildcards.
 */
import type { EmulatorState } from '../../emulator/state.js'
import { arnMatches } from '../../emulator/runtime.js'

export interface PolicyDocument {
  Statement: { Effect: string; Action: string | string[]; Resource: string | string[] }[]
}

/** Every action the probe's reads and writes need, as the emulator checks them. */
const CONTROL_PLANE = [
  'bedrock:GetFoundationModelAvailability',
  'bedrock:GetFoundationModel',
  'bedrock:GetInferenceProfile',
  'bedrock:ListInferenceProfiles',
  'bedrock:ListFoundationModels',
  'bedrock:ListFoundationModelAgreementOffers',
  'bedrock:CreateFoundationModelAgreement',
  'bedrock:GetUseCaseForModelAccess',
  'bedrock:PutUseCaseForModelAccess',
  'servicequotas:ListServiceQuotas',
  'servicequotas:ListAWSDefaultServiceQuotas'
]
const INVOKE = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']

const list = (value: string | string[]) => ([] as string[]).concat(value)

function allowing(policy: PolicyDocument, action: string) {
  return policy.Statement.filter(
    statement =>
      statement.Effect === 'Allow' && list(statement.Action).some(pattern => arnMatches(pattern, action))
  )
}

export function holdingExactly(state: EmulatorState, policy: PolicyDocument): EmulatorState {
  state.iam.deniedActions = CONTROL_PLANE.filter(action => allowing(policy, action).length === 0)
  state.iam.invokeActionsNotAllowed = INVOKE.filter(action => allowing(policy, action).length === 0)
  const resources = INVOKE.flatMap(action =>
    allowing(policy, action).flatMap(statement => list(statement.Resource))
  )
  state.iam.invokeAllowed = resources.includes('*') ? undefined : [...new Set(resources)]
  return state
}
