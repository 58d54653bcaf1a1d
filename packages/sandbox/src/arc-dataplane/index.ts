export { dataPlaneHandler, ociRegistryHandler, packagedChart, CHART_REPOSITORY, type DataPlaneOptions } from './config-dataplane.js';
export {
  attachRelay,
  guestNotificationHandler,
  relayPlainRequestHandler,
  type GuestNotificationOptions,
  type RelayOptions,
} from './relay.js';
