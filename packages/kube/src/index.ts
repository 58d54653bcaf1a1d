export * from './access.js';
export * from './in-cluster.js';
export * from './negative-test.js';
export * from './kubeconfig.js';
export * from './cluster-connect.js';
export * from './kubeconfig-map.js';
export * from './egress-probe.js';
export * from './egress-probe-script.js';
