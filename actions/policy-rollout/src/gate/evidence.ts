/** What the promotion gate decides on, gathered fleet-wide from Resource Graph and Policy Insights. */
export interface GateEvidence {
  now: number;
  assignment: {
    id: string;
    name: string;
    /** Current effect of the policies being promoted (what the gate flips from). */
    effect: string;
    /** When the assignment was last written (metadata.updatedOn, else createdOn). */
    lastChangedAt: string;
    /** Since when it has been in Audit (our provenance metadata, else lastChangedAt). */
    auditSince: string;
    /** The policyDefinitionReferenceIds of the initiative (or the definition's id for a single definition). */
    policies: string[];
  };
  /** Clusters in scope (and in the ring, when promoting one ring). */
  clusters: { id: string; name: string; connectivityStatus?: string; lastConnectivityTime?: string }[];
  /** Provisioning state of the azurepolicy extension per cluster id (lower-cased); absent means not installed. */
  policyExtension: Record<string, string | undefined>;
  /** One latest policy state per cluster and policy. */
  states: { clusterId: string; policy: string; complianceState: string; timestamp: string }[];
  /** NonCompliant and Exempt components (Kubernetes objects) per cluster and policy. */
  components: { clusterId: string; policy: string; kind: string; namespace?: string; name: string; complianceState: string }[];
  /** Whether every page of each data set was read. */
  complete: { inventory: boolean; extensions: boolean; states: boolean; components: boolean };
}

export interface GateOptions {
  minSoakMs: number;
  maxStalenessMs: number;
  syncAllowanceMs: number;
}

export type GateConditionId =
  'clusters-in-scope' | 'connected' | 'policy-extension' | 'fresh-states' | 'zero-violations' | 'soak' | 'complete-data' | 'effect';

export interface GateCondition {
  id: GateConditionId;
  title: string;
  passed: boolean;
  /** One sentence: why it passed or what failed. */
  detail: string;
  clusters?: string[];
  objects?: { cluster: string; policy: string; kind: string; namespace?: string; name: string }[];
}

export interface GateResult {
  passed: boolean;
  conditions: GateCondition[];
  /** Components that are Exempt: listed apart, never counted as violations. */
  exempt: { cluster: string; policy: string; kind: string; namespace?: string; name: string }[];
}
