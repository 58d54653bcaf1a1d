import { execFile } from 'node:child_process';
import { access, readdir, readFile, mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments, parse } from 'yaml';
import { ConfigurationError } from '@arc-actions/core';
import type { KubeObject } from './rest.js';

const run = promisify(execFile);

async function git(args: string[], cwd?: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['-c', 'protocol.file.allow=always', '-c', 'advice.detachedHead=false', ...args], {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout.trim();
  } catch (error) {
    throw new Error(`git ${args[0]} failed: ${String((error as { stderr?: string }).stderr ?? error).trim()}`, { cause: error });
  }
}

export interface RepositoryRef {
  branch?: string;
  tag?: string;
  commit?: string;
}

/**
 * Clones (first time) or fetches the repository into `checkout` and checks out the reference. Returns the Flux
 * revision string (`<branch>@sha1:<commit>`, `<tag>@sha1:<commit>` or `sha1:<commit>`).
 */
export async function checkoutSource(url: string, ref: RepositoryRef, checkout: string): Promise<{ revision: string; commit: string }> {
  const exists = await access(join(checkout, '.git')).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(checkout, { recursive: true });
    await git(['clone', '--quiet', '--no-checkout', url, checkout]);
  } else {
    await git(['remote', 'set-url', 'origin', url], checkout);
  }
  await git(['fetch', '--quiet', '--force', '--tags', 'origin', '+refs/heads/*:refs/remotes/origin/*'], checkout);
  const target = ref.commit ?? (ref.tag ? `refs/tags/${ref.tag}` : `refs/remotes/origin/${ref.branch ?? 'master'}`);
  const commit = await git(['rev-parse', '--verify', `${target}^{commit}`], checkout).catch(() => {
    throw new ConfigurationError(
      `The git reference ${ref.commit ?? ref.tag ?? ref.branch ?? 'master'} does not exist in ${url}.`,
      'repositoryRef',
    );
  });
  await git(['checkout', '--quiet', '--force', '--detach', commit], checkout);
  await git(['clean', '-qfdx'], checkout);
  const name = ref.commit ? undefined : (ref.tag ?? ref.branch ?? 'master');
  return { revision: name ? `${name}@sha1:${commit}` : `sha1:${commit}`, commit };
}

const isYaml = (f: string): boolean => /\.ya?ml$/.test(f);
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

async function yamlFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFilesUnder(path)));
    else if (isYaml(entry.name)) out.push(path);
  }
  return out;
}

async function parseManifests(file: string): Promise<KubeObject[]> {
  const objects: KubeObject[] = [];
  for (const doc of parseAllDocuments(await readFile(file, 'utf8'))) {
    if (doc.errors.length) throw new ConfigurationError(`The manifest ${file} is not valid YAML: ${doc.errors[0].message}`, 'path');
    const value = doc.toJS() as KubeObject | null;
    if (!value) continue;
    if (value.kind?.endsWith('List') && Array.isArray(value.items)) objects.push(...(value.items as KubeObject[]));
    else if (value.apiVersion && value.kind && value.metadata?.name) objects.push(value);
  }
  return objects;
}

/**
 * Builds a kustomization path as kustomize-controller does for plain directories: the `resources:` of a
 * kustomization.yaml (files or folders, recursively; `namespace:` applied), or else every YAML manifest under it.
 */
export async function buildPath(root: string, path: string): Promise<KubeObject[]> {
  const dir = resolve(root, path.replace(/^\.\//, ''));
  if (relative(root, dir).startsWith('..')) throw new ConfigurationError(`The kustomization path ${path} leaves the repository.`, 'path');
  await access(dir).catch(() => {
    throw new ConfigurationError(`The kustomization path ${path} does not exist in the repository.`, 'path');
  });
  for (const name of KUSTOMIZATION) {
    const file = join(dir, name);
    if (
      !(await access(file).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const k = (parse(await readFile(file, 'utf8')) ?? {}) as {
      resources?: string[];
      namespace?: string;
      commonLabels?: Record<string, string>;
    };
    const objects: KubeObject[] = [];
    for (const resource of k.resources ?? []) {
      const target = join(dir, resource);
      const isDir = await readdir(target).then(
        () => true,
        () => false,
      );
      objects.push(...(isDir ? await buildPath(root, relative(root, target)) : await parseManifests(target)));
    }
    for (const o of objects) {
      if (k.namespace && !CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
      if (k.commonLabels) o.metadata.labels = { ...o.metadata.labels, ...k.commonLabels };
    }
    return objects;
  }
  const objects: KubeObject[] = [];
  for (const file of await yamlFilesUnder(dir)) objects.push(...(await parseManifests(file)));
  return objects;
}

/** Kinds that never take a namespace (for kustomization `namespace:`; the API server decides otherwise). */
export const CLUSTER_SCOPED = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'PriorityClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'PersistentVolume',
  'IngressClass',
  'RuntimeClass',
]);
