import type { Services } from '../../app/services';
import type { Handlers } from '../router';

export function devicesHandlers(s: Services): Handlers {
  return {
    'devices.list': async () => {
      const { ports, listingError } = await s.devices.discover();
      return { devices: s.devices.list(), ports, portListingError: listingError };
    },
    'devices.configure': async ({ devices }) => ({ devices: await s.devices.configure(devices) }),
    'devices.reconnect': async ({ id }) => {
      await s.devices.reconnect(id);
      return { ok: true as const };
    },
    'devices.frames': async ({ id, limit }) => ({ frames: await s.devices.frames(id, limit) }),
    'devices.testRead': ({ id, timeoutMs }) => s.devices.testRead(id, timeoutMs),
    'devices.simulatePlaceCard': ({ card }) => s.devices.simulatePlaceCard(card),
  };
}
