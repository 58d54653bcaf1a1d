import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { ConfigurationError, lineOfPath, parseYamlSafely, parseYamlWithSchema } from '@arc-actions/core';
import { policyFileSchema, SYSTEM_NAMESPACES, type AssignmentInput, type CustomDefinitionInput } from './schema.js';
import { checkExemptions, toExemption, type ExemptionSpec } from './exemptions.js';
import { checkBootstrap, toAccess, toBootstrap, type AccessSpec, type BootstrapSpec } from './bootstrap.js';

export type { ExemptionSpec } from './exemptions.js';
export type { AccessSpec, BootstrapSpec } from './bootstrap.js';

export interface Located {
  /** Path relative to the workspace, as annotations want it. */
  file: string;
  line: number;
}

export interface PolicyAssignmentSpec extends Located {
  name: string;
  displayName?: string;
  description?: string;
  scope: string;
  /**
   * A bare GUID (looked up in Azure as a built-in definition, then as a built-in initiative), the full id of a
   * definition or initiative (built-in, or custom at a subscription or management group), or `custom:<name>`.
   */
  definitionId: string;
  stage: 'audit' | 'deny';
  parameters: Record<string, unknown>;
  nonComplianceMessages: { message: string; policy?: string }[];
  resourceSelectors: NonNullable<AssignmentInput['resource-selectors']>;
  rings: { name: string; locations: string[] }[];
  /** System namespaces added to excludedNamespaces (empty when forced or already listed). */
  addedExclusions: string[];
}

export interface CustomDefinitionSpec extends Located {
  name: string;
  displayName?: string;
  description?: string;
  templateFile: string;
  template: string;
  constraintKind: string;
  apiGroups: string[];
  kinds: string[];
  values: Record<string, unknown>;
}

export interface PolicySet {
  assignments: PolicyAssignmentSpec[];
  definitions: CustomDefinitionSpec[];
  exemptions: ExemptionSpec[];
  /** DeployIfNotExists/Modify assignments with their identity, roles and remediation. */
  bootstrap: BootstrapSpec[];
  /** Role assignments of Entra principals (the on-call group) at a scope. */
  access: AccessSpec[];
  files: string[];
}

const MAX_FILE_BYTES = 1024 * 1024;

/** Reads a policy file or a folder of them (*.yml, *.yaml), validating everything before anything is planned. */
export function loadPolicies(path: string, workspace: string): PolicySet {
  const root = realpathSync(workspace);
  const target = resolve(root, path);
  if (!existsSync(target))
    throw new ConfigurationError(`Input "policies" names ${path}, which does not exist in the workspace.`, 'policies');
  const real = realpathSync(target);
  if (real !== root && !real.startsWith(root + '/')) {
    throw new ConfigurationError(
      `Input "policies" names ${path}, which is outside the workspace; policy files must be in the repository.`,
      'policies',
    );
  }
  const files = statSync(real).isDirectory()
    ? readdirSync(real, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.ya?ml$/.test(f) && !f.split('/').some((p) => p.startsWith('.')))
        .sort()
        .map((f) => join(real, f))
    : [real];
  if (!files.length) throw new ConfigurationError(`Input "policies" names ${path}, which holds no .yml or .yaml files.`, 'policies');

  // A file in the folder may be a symbolic link: it must lead to a file inside the workspace too.
  for (const file of files) {
    const resolved = realpathSync(file);
    if (resolved !== root && !resolved.startsWith(root + '/')) {
      throw new ConfigurationError(
        `Input "policies" names ${path}, whose file ${relative(root, file)} links outside the workspace; policy files must be in the repository.`,
        'policies',
      );
    }
  }
  const set: PolicySet = {
    assignments: [],
    definitions: [],
    exemptions: [],
    bootstrap: [],
    access: [],
    files: files.map((f) => relative(root, f)),
  };
  for (const file of files) if (!isKubernetesManifest(file)) loadFile(file, root, set);
  crossCheck(set);
  return set;
}

/** ConstraintTemplates and other manifests may sit beside the policy files; they are read through definitions. */
function isKubernetesManifest(file: string): boolean {
  return /^apiVersion:/m.test(readFileSync(file, 'utf8')) && /^kind:/m.test(readFileSync(file, 'utf8'));
}

function loadFile(file: string, root: string, set: PolicySet): void {
  const rel = relative(root, file);
  if (statSync(file).size > MAX_FILE_BYTES)
    throw new ConfigurationError(`${rel} is larger than 1 MiB; split it into several policy files.`, 'policies');
  const text = readFileSync(file, 'utf8');
  const parsed = parseYamlWithSchema(text, policyFileSchema, rel, 'policies');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (...path: (string | number)[]) => lineOfPath(doc, lines, path) ?? 1;
  const fail = (line: number, message: string): never => {
    throw new ConfigurationError(`${rel} line ${line}: ${message}`, 'policies');
  };

  (parsed.assignments ?? []).forEach((a, i) =>
    set.assignments.push(toAssignment(a, rel, at('assignments', i), (path, message) => fail(at('assignments', i, ...path), message))),
  );
  (parsed.definitions ?? []).forEach((d, i) =>
    set.definitions.push(
      toDefinition(d, rel, dirname(file), root, at('definitions', i), (path, message) => fail(at('definitions', i, ...path), message)),
    ),
  );
  (parsed.bootstrap ?? []).forEach((b, i) =>
    set.bootstrap.push(
      toBootstrap(b, rel, at('bootstrap', i), (path, message) => fail(at('bootstrap', i, ...path), message), dirname(file), root),
    ),
  );
  (parsed.access ?? []).forEach((a, i) =>
    set.access.push(toAccess(a, rel, at('access', i), (path, message) => fail(at('access', i, ...path), message))),
  );
  (parsed.exemptions ?? []).forEach((e, i) =>
    set.exemptions.push(toExemption(e, rel, at('exemptions', i), (path, message) => fail(at('exemptions', i, ...path), message))),
  );
}

type Fail = (path: (string | number)[], message: string) => never;

function toAssignment(a: AssignmentInput, file: string, line: number, fail: Fail): PolicyAssignmentSpec {
  const parameters = { ...(a.parameters ?? {}) };
  if ('effect' in parameters)
    fail(
      ['parameters', 'effect'],
      `assignment "${a.name}" sets parameters.effect; remove it and use "stage: audit" or "stage: deny", which sets the effect.`,
    );
  const excluded = parameters.excludedNamespaces ?? [];
  if (!Array.isArray(excluded) || excluded.some((n) => typeof n !== 'string'))
    fail(['parameters', 'excludedNamespaces'], 'parameters.excludedNamespaces must be a list of namespace names.');
  const addedExclusions = a['force-system-namespaces'] ? [] : SYSTEM_NAMESPACES.filter((n) => !(excluded as string[]).includes(n));
  if (addedExclusions.length || 'excludedNamespaces' in parameters)
    parameters.excludedNamespaces = [...(excluded as string[]), ...addedExclusions];
  const rings = a.rings ?? [];
  const dup = rings.findIndex((r, i) => rings.findIndex((o) => o.name === r.name) !== i);
  if (dup >= 0) fail(['rings', dup], `assignment "${a.name}" names ring "${rings[dup].name}" twice.`);
  if (a.scope.startsWith('/providers/Microsoft.Management') && a.name.length > 24) {
    fail(['name'], `assignment name "${a.name}" is ${a.name.length} characters; at management-group scope Azure allows at most 24.`);
  }
  const definitionId = /^[0-9a-f-]{36}$/i.test(a.definition) ? a.definition.toLowerCase() : a.definition;
  return {
    file,
    line,
    name: a.name,
    displayName: a['display-name'],
    description: a.description,
    scope: a.scope,
    definitionId,
    stage: a.stage,
    parameters,
    nonComplianceMessages: a['non-compliance-messages'] ?? [],
    resourceSelectors: a['resource-selectors'] ?? [],
    rings,
    addedExclusions,
  };
}

function toDefinition(d: CustomDefinitionInput, file: string, dir: string, root: string, line: number, fail: Fail): CustomDefinitionSpec {
  const templatePath = resolve(dir, d['constraint-template']);
  if (!existsSync(templatePath))
    fail(
      ['constraint-template'],
      `constraint-template ${d['constraint-template']} does not exist (paths are relative to the policy file).`,
    );
  const real = realpathSync(templatePath);
  if (!real.startsWith(root + '/'))
    fail(['constraint-template'], `constraint-template ${d['constraint-template']} is outside the workspace.`);
  const template = readFileSync(real, 'utf8');
  const parsed = parseYamlSafely(template, relative(root, real), 'policies').value as {
    apiVersion?: string;
    kind?: string;
    spec?: { crd?: { spec?: { names?: { kind?: string } } }; targets?: { rego?: string }[] };
  } | null;
  if (parsed?.kind !== 'ConstraintTemplate' || !parsed.apiVersion?.startsWith('templates.gatekeeper.sh/')) {
    fail(
      ['constraint-template'],
      `${d['constraint-template']} is not a Gatekeeper ConstraintTemplate (kind ConstraintTemplate, apiVersion templates.gatekeeper.sh/v1).`,
    );
  }
  const constraintKind = parsed?.spec?.crd?.spec?.names?.kind;
  if (!constraintKind) fail(['constraint-template'], `${d['constraint-template']} has no spec.crd.spec.names.kind.`);
  if (!parsed?.spec?.targets?.some((t) => t.rego))
    fail(['constraint-template'], `${d['constraint-template']} has no Rego in spec.targets.`);
  return {
    file,
    line,
    name: d.name,
    displayName: d['display-name'],
    description: d.description,
    templateFile: relative(root, real),
    template,
    constraintKind: constraintKind!,
    apiGroups: d['api-groups'],
    kinds: d.kinds,
    values: d.values ?? {},
  };
}

function crossCheck(set: PolicySet): void {
  const seen = new Map<string, Located>();
  for (const a of set.assignments) {
    const key = `${a.scope.toLowerCase()}|${a.name.toLowerCase()}`;
    const before = seen.get(key);
    if (before)
      throw new ConfigurationError(
        `${a.file} line ${a.line}: assignment "${a.name}" at ${a.scope} is already defined in ${before.file} line ${before.line}.`,
        'policies',
      );
    seen.set(key, a);
  }
  const custom = new Map(set.definitions.map((d) => [d.name, d]));
  for (const d of set.definitions) {
    const first = set.definitions.find((o) => o.name === d.name)!;
    if (first !== d)
      throw new ConfigurationError(
        `${d.file} line ${d.line}: definition "${d.name}" is already defined in ${first.file} line ${first.line}.`,
        'policies',
      );
  }
  for (const a of set.assignments) {
    if (a.definitionId.startsWith('custom:') && !custom.has(a.definitionId.slice(7))) {
      throw new ConfigurationError(
        `${a.file} line ${a.line}: assignment "${a.name}" uses ${a.definitionId}, but no definition of that name is in the policy files${custom.size ? ` (there are: ${[...custom.keys()].join(', ')})` : ''}.`,
        'policies',
      );
    }
  }
  if (!set.assignments.length && !set.bootstrap.length && !set.access.length)
    throw new ConfigurationError(
      `The policy files (${set.files.join(', ')}) define no assignments, bootstrap or access entries.`,
      'policies',
    );
  checkBootstrap(set.bootstrap, set.assignments);
  checkExemptions(set.exemptions, set.assignments);
}
