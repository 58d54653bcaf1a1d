import { stringify } from 'yaml';
import type { Handler } from './http.js';
import { PolicyInstallError, resolveTemplate } from './clusters/policy-templates.js';

/** The public policy store the built-in Kubernetes definitions name in `templateInfo.url`. */
export const POLICY_STORE = 'https://store.policy.core.windows.net';

/**
 * A stand-in for `https://store.policy.core.windows.net/kubernetes/<slug>/v<N>/template.yaml`, mounted at
 * `/policy-store` (actions reach it through ARC_POLICY_STORE_URL): it serves the same ConstraintTemplate the sandbox's
 * add-on installs for that URL (the vendored Azure/azure-policy reference template of the slug under the versioned
 * name `k8sazurev<N><stem>`), so a preview evaluates exactly what the add-on enforces. Anything else is a 404.
 */
export function policyStoreHandler(): Handler {
  return async (req) => {
    if (req.method !== 'GET') return { status: 405, headers: { 'content-type': 'text/plain' }, body: 'Only GET is served.' };
    if (!/^\/kubernetes\/[a-z0-9-]+\/v\d+\/template\.yaml$/i.test(req.path))
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: `No template at ${req.path}.` };
    try {
      const template = await resolveTemplate({ sourceType: 'PublicURL', url: `${POLICY_STORE}${req.path}` });
      return { status: 200, headers: { 'content-type': 'application/x-yaml' }, body: stringify(template.object) };
    } catch (error) {
      if (!(error instanceof PolicyInstallError)) throw error;
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: error.message };
    }
  };
}
