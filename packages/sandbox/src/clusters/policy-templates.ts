import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { requireFixtures } from '../fixtures.js';
import type { KubeObject } from './rest.js';

/**
 * The reasons the add-on gives when it cannot install a definition (Microsoft Learn, "Determine causes of
 * non-compliance", AKS Resource Provider mode compliance reasons); the state becomes Error, or Conflict for
 * ConstraintTemplateConflicts.
 */
export type InstallFailureReason =
  'Constraint/TemplateCreateFailed' | 'Constraint/TemplateInstallFailed' | 'ConstraintTemplateConflicts' | 'InvalidConstraint/Template';

/** A definition the add-on (or the sandbox playing it) cannot install; reported as an Error or Conflict state. */
export class PolicyInstallError extends Error {
  constructor(
    message: string,
    readonly reason: InstallFailureReason,
  ) {
    super(message);
    this.name = 'PolicyInstallError';
  }
}

/** `policyRule.then.details.templateInfo` (or the deprecated `details.constraintTemplate` URL). */
export interface TemplateInfo {
  sourceType: string;
  url?: string;
  content?: string;
}

/** A ConstraintTemplate ready to install, with where it came from. */
export interface ResolvedTemplate {
  /** In-cluster name (`metadata.name`), e.g. `k8sazurev2noprivilege`. */
  name: string;
  /** The constraint kind (`spec.crd.spec.names.kind`), e.g. `K8sAzureV2NoPrivilege`. */
  kind: string;
  /** The store URL, or `Base64Encoded` for a template carried in the definition. */
  source: string;
  /** Identity of the source, for conflicts: the URL, or the SHA-256 of the decoded content. */
  sourceKey: string;
  /** For store URLs: the vendored Azure/azure-policy file the sandbox installs in its place. */
  vendoredFrom?: string;
  /**
   * Parameter names the template's schema declares or its Rego reads (`parameters.<name>`); undefined for templates
   * carried in the definition, whose values all go to Gatekeeper as they are.
   */
  reads?: Set<string>;
  object: KubeObject & { spec: any };
}

const STORE_URL = /^https:\/\/store\.policy\.core\.windows\.net\/kubernetes\/([a-z0-9-]+)\/v(\d+)\/template\.yaml$/i;
const REFERENCES = 'azure-policy/built-in-references/Kubernetes';

/**
 * The in-cluster kind stems of the store's versioned templates where they differ from the repository's reference
 * template (`K8sAzure<stem>`): observed as `k8sazurev2noprivilege` / `K8sAzureV2NoPrivilege` and
 * `k8sazurev3noprivilegeescalation` / `K8sAzureV3NoPrivilegeEscalation` on clusters with the add-on (Azure/AKS#4769,
 * Azure/AKS#2763 and the constraint listings cited in docs/sandbox.md). Every other slug keeps its reference stem
 * (`k8sazurev3hostfilesystem`, `k8sazurev3allowedcapabilities`, … as observed).
 */
const VERSIONED_STEMS: Record<string, string> = {
  'container-no-privilege': 'NoPrivilege',
  'container-no-privilege-escalation': 'NoPrivilegeEscalation',
};

/** Slugs whose reference template is vendored (packages/sandbox/fixtures/azure-policy/built-in-references). */
export function vendoredTemplateSlugs(): string[] {
  const dir = join(requireFixtures(), REFERENCES);
  return existsSync(dir) ? readdirSync(dir).filter((slug) => existsSync(join(dir, slug, 'template.yaml'))) : [];
}

/** Names the template's parameter schema declares or its Rego reads as `parameters.<name>` / `parameters["<name>"]`. */
function parameterNames(object: any): Set<string> {
  const names = new Set(Object.keys(object?.spec?.crd?.spec?.validation?.openAPIV3Schema?.properties ?? {}));
  for (const target of object?.spec?.targets ?? []) {
    const rego = String(target?.rego ?? '');
    for (const m of rego.matchAll(/parameters\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
    for (const m of rego.matchAll(/parameters\[\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\]/g)) names.add(m[1]);
  }
  return names;
}

async function fromStore(url: string, slug: string, version: string): Promise<ResolvedTemplate> {
  const path = join(requireFixtures(), REFERENCES, slug, 'template.yaml');
  if (!existsSync(path)) {
    throw new PolicyInstallError(
      `The sandbox has no copy of ${url}: only the templates of Azure/azure-policy built-in-references are vendored (${vendoredTemplateSlugs().join(', ')}); vendor built-in-references/Kubernetes/${slug}/template.yaml to emulate it.`,
      'Constraint/TemplateCreateFailed',
    );
  }
  const object = parse(await readFile(path, 'utf8')) as ResolvedTemplate['object'];
  const referenceKind = String(object.spec?.crd?.spec?.names?.kind ?? '');
  const stem = VERSIONED_STEMS[slug] ?? referenceKind.replace(/^K8sAzure/, '');
  const kind = `K8sAzureV${version}${stem}`;
  const name = kind.toLowerCase();
  object.metadata = { ...object.metadata, name };
  // The reference template names its CRD after the unversioned kind (listKind, plural, singular): the versioned
  // template names only its kind, and Gatekeeper derives the rest.
  object.spec.crd.spec.names = { kind };
  return {
    name,
    kind,
    source: url,
    sourceKey: url.toLowerCase(),
    vendoredFrom: `packages/sandbox/fixtures/${REFERENCES}/${slug}/template.yaml`,
    reads: parameterNames(object),
    object,
  };
}

function fromBase64(content: string): ResolvedTemplate {
  const text = Buffer.from(content, 'base64').toString('utf8');
  let object: any;
  try {
    object = parse(text);
  } catch (error) {
    throw new PolicyInstallError(
      `templateInfo.content is not a YAML document once decoded from Base64: ${(error as Error).message}`,
      'InvalidConstraint/Template',
    );
  }
  const apiVersion = String(object?.apiVersion ?? '');
  const kind = object?.spec?.crd?.spec?.names?.kind;
  const name = object?.metadata?.name;
  if (object?.kind !== 'ConstraintTemplate' || !apiVersion.startsWith('templates.gatekeeper.sh/') || !kind || !name) {
    throw new PolicyInstallError(
      `templateInfo.content is not a Gatekeeper ConstraintTemplate with metadata.name and spec.crd.spec.names.kind (got kind ${object?.kind ?? 'none'}, apiVersion ${apiVersion || 'none'}).`,
      'InvalidConstraint/Template',
    );
  }
  return {
    name: String(name),
    kind: String(kind),
    source: 'Base64Encoded',
    sourceKey: `sha256:${createHash('sha256').update(text).digest('hex')}`,
    object,
  };
}

/**
 * The ConstraintTemplate of a definition, as the add-on installs it:
 * - `PublicURL` on the policy store (`…/kubernetes/<slug>/v<N>/template.yaml`): the store's files are not published;
 *   the sandbox installs the Azure/azure-policy reference template of the same slug (Azure's own Rego) under the
 *   versioned in-cluster name `k8sazurev<N><stem>` / kind `K8sAzureV<N><Stem>`;
 * - `Base64Encoded`: the decoded template, name and kind as written (custom definitions);
 * - any other URL: not reachable from the sandbox (no network).
 */
export async function resolveTemplate(info: TemplateInfo | string): Promise<ResolvedTemplate> {
  const templateInfo: TemplateInfo = typeof info === 'string' ? { sourceType: 'PublicURL', url: info } : info;
  const sourceType = String(templateInfo.sourceType ?? '').toLowerCase();
  if (sourceType === 'base64encoded') {
    if (!templateInfo.content)
      throw new PolicyInstallError(
        'templateInfo.sourceType is Base64Encoded but templateInfo.content is empty.',
        'InvalidConstraint/Template',
      );
    return fromBase64(templateInfo.content);
  }
  if (sourceType === 'publicurl' && templateInfo.url) {
    const store = STORE_URL.exec(templateInfo.url);
    if (store) return fromStore(templateInfo.url, store[1].toLowerCase(), store[2]);
    throw new PolicyInstallError(
      `The template URL ${templateInfo.url} cannot be downloaded by the sandbox (it has no network); use the policy store's URLs or templateInfo.sourceType Base64Encoded.`,
      'Constraint/TemplateCreateFailed',
    );
  }
  throw new PolicyInstallError(
    `templateInfo.sourceType ${templateInfo.sourceType || '(empty)'} is not allowed; use PublicURL with url, or Base64Encoded with content.`,
    'InvalidConstraint/Template',
  );
}
