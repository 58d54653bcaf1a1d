import { z } from 'zod';
import { ConfigurationError, maskSecret, optionalString, parseYamlWithSchema, shown } from '@arc-actions/core';
import { parseKubeconfig } from './kubeconfig.js';

const kubeconfigsSchema = z.record(
  z.string(),
  z.string({ error: 'each value must be the kubeconfig content as a string (use a YAML block scalar |)' }),
  {
    error: (i) => (i.code === 'invalid_type' ? 'expected a YAML map of cluster names to kubeconfig content' : undefined),
  },
);

/**
 * An input holding a YAML map of cluster name → kubeconfig content (a secret): masked as a whole before parsing,
 * then every kubeconfig and the credentials inside it, each validated.
 */
export function readKubeconfigMap(input = 'kubeconfigs'): Record<string, string> {
  const text = optionalString(input, { secret: true, maxLength: 4_194_304 });
  if (!text) return {};
  const map = parseYamlWithSchema(text, kubeconfigsSchema, `Input "${input}"`, input);
  for (const [name, content] of Object.entries(map)) {
    if (!/^[A-Za-z0-9][-_.A-Za-z0-9]{0,62}$/.test(name))
      throw new ConfigurationError(`Input "${input}" has the key ${shown(name)}, which is not a cluster name.`, input);
    maskSecret(content);
    parseKubeconfig(content, input, undefined, input);
  }
  return map;
}
