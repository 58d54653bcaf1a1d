import { z } from 'zod';
import { configurationSchema } from './configuration.js';

/** The JSON schema published at flux-apply/configuration.schema.json (for editors), generated from the zod schema. */
export function configurationJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configurationSchema, { io: 'input' }),
    $id: 'https://github.com/acme/arc-actions/blob/v1/flux-apply/configuration.schema.json',
    title: 'flux-apply configuration',
    description: 'One Flux configuration: a Git source and its kustomizations. Secrets are never part of it.',
  };
}
