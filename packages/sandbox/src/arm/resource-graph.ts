import type { ArmRoute } from './common.js';
import { bodyObject, json } from './common.js';
import { ArmError } from './errors.js';
import { runGraphQuery } from './graph-query.js';

/** Microsoft.ResourceGraph/resources (POST): KQL subset over resources, kubernetesconfigurationresources and policyresources. */
export const graphRoutes: ArmRoute[] = [
  {
    pattern: /^\/providers\/microsoft\.resourcegraph\/resources$/i,
    methods: ['POST'],
    api: 'graph',
    skipAuthorization: true,
    handle: (call) => {
      const body = bodyObject(call.req);
      if (typeof body.query !== 'string' || !body.query.trim()) {
        throw new ArmError(
          400,
          'BadRequest',
          'Please provide below info when asking for support: timestamp, correlationId. Details: The query is required.',
          undefined,
          [{ code: 'InvalidQuery', message: 'Query is missing.' }],
        );
      }
      return json(200, runGraphQuery(call, body));
    },
  },
];
