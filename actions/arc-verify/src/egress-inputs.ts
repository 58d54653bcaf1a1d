import { ConfigurationError, enumInput, optionalString } from '@arc-actions/core';

/** `egress-probe`: off, or an in-cluster probe Job per cluster reached with a kubeconfig (a check row `egress`). */
export interface EgressProbeInputs {
  probe: 'off' | 'in-cluster';
  image?: string;
}

export function readEgressProbeInputs(access: string): EgressProbeInputs {
  const probe = enumInput('egress-probe', ['off', 'in-cluster'] as const, 'off');
  if (probe === 'in-cluster' && access !== 'kubeconfig')
    throw new ConfigurationError(
      `Input "egress-probe" is in-cluster but "access" is ${access}; the probe Job needs access: kubeconfig (and kubeconfigs).`,
      'egress-probe',
    );
  const image = optionalString('egress-probe-image', {
    maxLength: 255,
    pattern: {
      regex: /^[a-z0-9][a-z0-9._/:@-]{0,254}$/,
      description: 'a container image reference (registry/repository:tag or @sha256:digest)',
    },
  });
  return { probe, image };
}
