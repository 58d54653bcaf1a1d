export { resolveClusterBins, type ClusterBins } from './bins.js';
export { createPki, type ClusterPki } from './pki.js';
export { startLocalCluster, type LocalCluster, type LocalClusterOptions } from './cluster.js';
export { startFleet, stopFleet, fleetClusterNames, distributionOf } from './fleet.js';
export { PodRunner, createNodes } from './pod-runner.js';
export { KubeClient, KubeApiError, isNotFound, type KubeObject } from './rest.js';
export { helm, helmInstallAgents, readAgentState, kubeConfigOf, type AgentValues, type AgentState } from './agents.js';
export {
  syncPolicyAssignments,
  readAuditResults,
  constraintName,
  planConstraint,
  effectToAction,
  resolveTemplate,
  PolicyInstallError,
  type InstallFailureReason,
  type PolicyInstallFailure,
  type ResolvedTemplate,
  type PolicyAssignment,
  type PolicyAssignmentDefinition,
  type PolicyEffect,
  type PolicySyncResult,
  type InstalledConstraint,
  type ConstraintAuditResult,
  type AuditViolation,
} from './policy.js';
export {
  applyFluxConfiguration,
  deleteFluxConfiguration,
  readFluxStatus,
  objectCompliance,
  syncedCommitId,
  type FluxConfigurationProperties,
  type ProtectedSettings,
  type FluxStatus,
  type ObjectStatus,
} from './flux.js';
export { fluxObjects, secretName, CONFIGURATION_LABEL, type FluxObjects } from './flux-objects.js';
export {
  startFluxControllers,
  fluxControllersOf,
  FLUX_NAMESPACE,
  type FluxControllers,
  type FluxControllerOptions,
} from './flux-controllers.js';
export { installMonitoring } from './monitoring.js';
export { notReadyReason } from './workloads.js';
export { processMemoryMiB, type ManagedProcess } from './processes.js';
