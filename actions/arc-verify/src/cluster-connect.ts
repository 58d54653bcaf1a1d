/** Cluster connect lives in @arc-actions/kube (policy-rollout's deny-impact preview uses it too). */
export { cloudCommands, loginAzureCli, startClusterConnect, type AzLogin, type ProxySession } from '@arc-actions/kube';
