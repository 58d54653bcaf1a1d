/** The Arc endpoints live in the Azure domain layer (packages/azure/src/arc-network), shared with arc-verify. */
export { allowlistUrl, arcEndpoints, parseAllowlist, relayUrl, type ArcEndpoints } from '@arc-actions/azure';
