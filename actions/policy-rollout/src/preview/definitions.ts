import { listBuiltInDefinitionVersions, readDefinitionById, readSetById, type ArmClients } from '@arc-actions/azure';
import { resolveParameters, type KubernetesPolicy } from './constraints.js';

/** What an assignment evaluates: a definition or initiative id, the parameter values, and custom definitions' bodies. */
export interface AssignmentRef {
  definitionId: string;
  /** `major.*.*` of the definition when the assignment pins one. */
  definitionVersion?: string;
  /** Parameter values (plain values, not `{ value }`). */
  parameters: Record<string, unknown>;
  /** Properties of custom definitions the assignment refers to that are not (or not yet) in Azure, by lower-cased id. */
  custom?: Record<string, Record<string, any>>;
}

export interface AssignmentPolicies {
  setDefinitionId?: string;
  policies: KubernetesPolicy[];
}

type DefinitionProperties = Record<string, any>;

const guidOf = (id: string) => id.split('/').pop()!;
const BUILT_IN = /^\/providers\/Microsoft\.Authorization\//i;

/** Reads definitions through @azure/arm-policy, once per run and id. */
export class DefinitionReader {
  private readonly cache = new Map<string, Promise<DefinitionProperties>>();

  constructor(
    private readonly clients: ArmClients,
    private readonly subscriptionId: string,
  ) {}

  private once(key: string, read: () => Promise<DefinitionProperties>): Promise<DefinitionProperties> {
    let p = this.cache.get(key);
    if (!p) this.cache.set(key, (p = read()));
    return p;
  }

  /** A policy definition's properties; for a built-in with `version` (`6.*.*`), the newest version of that major. */
  definition(id: string, version?: string): Promise<DefinitionProperties> {
    return this.once(`def|${id.toLowerCase()}|${version ?? ''}`, async () => {
      const name = guidOf(id);
      const found = await readDefinitionById(this.clients, this.subscriptionId, id);
      if (!found) throw new Error(`The policy definition ${id} does not exist.`);
      const props = found as unknown as DefinitionProperties;
      const major = version?.split('.')[0];
      if (!BUILT_IN.test(id) || !major || major === '*' || String(props.version ?? '').split('.')[0] === major) return props;
      const versions = (await listBuiltInDefinitionVersions(this.clients, this.subscriptionId, name)) as DefinitionProperties[];
      const match = versions
        .filter((v) => String(v.version ?? '').split('.')[0] === major)
        .sort((a, b) => String(b.version).localeCompare(String(a.version), undefined, { numeric: true }))[0];
      if (!match)
        throw new Error(
          `The built-in definition ${name} has no version ${version} (versions: ${versions.map((v) => v.version).join(', ') || 'none'}).`,
        );
      return match;
    });
  }

  set(id: string): Promise<DefinitionProperties> {
    return this.once(`set|${id.toLowerCase()}`, async () => {
      const found = await readSetById(this.clients, this.subscriptionId, id);
      if (!found) throw new Error(`The policy set definition ${id} does not exist.`);
      return found as unknown as DefinitionProperties;
    });
  }
}

const withoutEffect = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'effect'));

function policyOf(
  definitionId: string,
  props: DefinitionProperties,
  values: Record<string, unknown>,
  referenceId?: string,
): KubernetesPolicy {
  return {
    definitionId,
    referenceId,
    version: props.version,
    declared: props.parameters ?? {},
    details: props.policyRule?.then?.details ?? {},
    values: withoutEffect(values),
  };
}

/**
 * The Kubernetes policies an assignment evaluates, with their parameter values: one for a definition; for an
 * initiative, one per member with the member's parameters resolved against the assignment's values and the
 * initiative's defaults, at the member's pinned major version.
 */
export async function assignmentPolicies(reader: DefinitionReader, ref: AssignmentRef): Promise<AssignmentPolicies> {
  const custom = (id: string) => ref.custom?.[id.toLowerCase()];
  if (!/\/policySetDefinitions\//i.test(ref.definitionId)) {
    const props = custom(ref.definitionId) ?? (await reader.definition(ref.definitionId, ref.definitionVersion));
    return { policies: [policyOf(ref.definitionId, props, ref.parameters)] };
  }
  const set = await reader.set(ref.definitionId);
  const defaults = Object.fromEntries(
    Object.entries((set.parameters ?? {}) as Record<string, { defaultValue?: unknown }>).map(([k, p]) => [k, p.defaultValue]),
  );
  const params = { ...defaults, ...ref.parameters };
  const policies: KubernetesPolicy[] = [];
  for (const member of (set.policyDefinitions ?? []) as {
    policyDefinitionId: string;
    policyDefinitionReferenceId?: string;
    definitionVersion?: string;
    parameters?: Record<string, { value?: unknown }>;
  }[]) {
    const props = custom(member.policyDefinitionId) ?? (await reader.definition(member.policyDefinitionId, member.definitionVersion));
    const values = Object.fromEntries(Object.entries(member.parameters ?? {}).map(([k, v]) => [k, resolveParameters(v?.value, params)]));
    policies.push(policyOf(member.policyDefinitionId, props, values, member.policyDefinitionReferenceId));
  }
  return { setDefinitionId: ref.definitionId, policies };
}
