/** Cluster connect lives in @arc-actions/kube (policy-rollout's deny-impact preview uses it too). */
export { loginAzureCli, startClusterConnect, type AzLogin, type ProxySession } from '@arc-actions/kube';
