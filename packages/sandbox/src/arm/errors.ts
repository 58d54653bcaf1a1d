import type { SandboxResponse } from '../http.js';
import { parseId } from '../state/ids.js';

export interface ErrorDetail {
  code: string;
  message: string;
  target?: string;
  details?: ErrorDetail[];
}

/** An ARM error: thrown by handlers, turned into `{error:{code,message,target,details}}` by the router. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toResponse(): SandboxResponse {
    const error: ErrorDetail = { code: this.code, message: this.message };
    if (this.target) error.target = this.target;
    if (this.details) error.details = this.details;
    return { status: this.status, headers: { 'x-ms-failure-cause': 'gateway', ...this.headers }, body: { error } };
  }
}

const NOT_FOUND_HELP = 'For more details please go to https://aka.ms/ARMResourceNotFoundFix';

export const errors = {
  missingApiVersion: () =>
    new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.'),
  invalidApiVersion: (v: string) =>
    new ArmError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${v}' is invalid. The supported versions are listed in the documentation of the resource type (format yyyy-mm-dd with an optional -preview suffix).`,
    ),
  badRequest: (message: string, target?: string) => new ArmError(400, 'InvalidRequestContent', message, target),
  subscriptionNotFound: (sub: string) => new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`),
  resourceGroupNotFound: (rg: string) => new ArmError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`),
  resourceNotFound: (id: string) => {
    const p = parseId(id);
    const where = p.resourceGroup
      ? `under resource group '${p.resourceGroup}'`
      : p.subscriptionId
        ? `under subscription '${p.subscriptionId}'`
        : 'at this scope';
    return new ArmError(
      404,
      'ResourceNotFound',
      `The Resource '${p.type ?? 'resource'}/${p.name ?? id}' ${where} was not found. ${NOT_FOUND_HELP}`,
    );
  },
  invalidResourceType: (path: string) =>
    new ArmError(404, 'InvalidResourceType', `The resource type could not be found for the request path '${path}'.`),
  methodNotAllowed: (method: string, path: string) =>
    new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}' at '${path}'.`),
  authorizationFailed: (principal: string, action: string, scope: string) =>
    new ArmError(
      403,
      'AuthorizationFailed',
      `The client '${principal}' with object id '${principal}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),
  conflict: (code: string, message: string) => new ArmError(409, code, message),
};

/** Validates `api-version` as ARM does: required, `yyyy-mm-dd` with an optional `-preview`-style suffix. */
export function checkApiVersion(value: string | null): void {
  if (value === null || value === '') throw errors.missingApiVersion();
  if (!/^\d{4}-\d{2}-\d{2}(-[a-z0-9.]+)?$/i.test(value)) throw errors.invalidApiVersion(value);
}
