import { parse } from 'yaml';
import { errorMessage } from '@arc-actions/core';
import type { TemplateInfo } from './constraints.js';

/** The public store that built-in Kubernetes definitions name in `templateInfo.url`. */
export const POLICY_STORE = 'https://store.policy.core.windows.net';
/** Set to another HTTPS base URL to fetch the store's templates from a stand-in (the sandbox sets it). */
export const STORE_OVERRIDE = 'ARC_POLICY_STORE_URL';
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A ConstraintTemplate ready for gator, with where it came from. */
export interface PreviewTemplate {
  name: string;
  kind: string;
  /** The URL, or `Base64Encoded`. */
  source: string;
  object: Record<string, unknown>;
}

/** A template that cannot be had: the preview of its policy is reported as not evaluated, with this reason. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

function toTemplate(text: string, source: string): PreviewTemplate {
  let object: any;
  try {
    object = parse(text);
  } catch (error) {
    throw new TemplateError(`The template from ${source} is not YAML: ${errorMessage(error).split('\n')[0]}.`);
  }
  const kind = object?.spec?.crd?.spec?.names?.kind;
  const name = object?.metadata?.name;
  if (object?.kind !== 'ConstraintTemplate' || !String(object?.apiVersion ?? '').startsWith('templates.gatekeeper.sh/') || !kind || !name)
    throw new TemplateError(
      `The template from ${source} is not a Gatekeeper ConstraintTemplate with metadata.name and spec.crd.spec.names.kind.`,
    );
  return { name: String(name), kind: String(kind), source, object };
}

/** Where a store URL is fetched from: the store itself, or the stand-in named by ARC_POLICY_STORE_URL. */
export function storeLocation(url: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[STORE_OVERRIDE]?.replace(/\/+$/, '');
  if (override && url.toLowerCase().startsWith(`${POLICY_STORE}/`)) return `${override}${url.slice(POLICY_STORE.length)}`;
  return url;
}

async function download(url: string): Promise<string> {
  const location = storeLocation(url);
  if (!location.startsWith('https://')) throw new TemplateError(`The template URL ${url} is not HTTPS; only HTTPS templates are fetched.`);
  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const response = await fetch(location, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
      if (response.status === 404) throw new TemplateError(`The template ${url} does not exist (HTTP 404).`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      if (Buffer.byteLength(text) > MAX_TEMPLATE_BYTES) throw new TemplateError(`The template ${url} is larger than 1 MiB.`);
      return text;
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      lastError = errorMessage(error);
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
  throw new TemplateError(`The template ${url} could not be downloaded after 3 attempts (${lastError}).`);
}

/** Fetches (once per run and URL) or decodes the ConstraintTemplate a definition names. */
export class TemplateResolver {
  private readonly cache = new Map<string, Promise<PreviewTemplate>>();

  resolve(info: TemplateInfo | undefined): Promise<PreviewTemplate> {
    if (!info) return Promise.reject(new TemplateError('The definition has no policyRule.then.details.templateInfo.'));
    const type = String(info.sourceType ?? '').toLowerCase();
    if (type === 'base64encoded') {
      if (!info.content) return Promise.reject(new TemplateError('templateInfo is Base64Encoded but its content is empty.'));
      const text = Buffer.from(info.content, 'base64').toString('utf8');
      return Promise.resolve().then(() => toTemplate(text, 'Base64Encoded'));
    }
    if (type === 'publicurl' && info.url) {
      const url = info.url;
      let pending = this.cache.get(url);
      if (!pending) {
        pending = download(url).then((text) => toTemplate(text, url));
        this.cache.set(url, pending);
      }
      return pending;
    }
    return Promise.reject(
      new TemplateError(
        `templateInfo.sourceType ${info.sourceType || '(empty)'} is not PublicURL with a url or Base64Encoded with content.`,
      ),
    );
  }
}
