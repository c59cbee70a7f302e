import type { Services } from '../services';
import { redactFrameHex } from '../../ops/diag/pii-scan';
import type { Handlers } from '../router';

export function devicesHandlers(s: Services): Handlers {
  return {
    'devices.statuses': () => ({ devices: s.devices.list() }),
    'devices.list': async () => {
      const { ports, listingError } = await s.devices.discover();
      return { devices: s.devices.list(), ports, portListingError: listingError };
    },
    'devices.configure': async ({ devices }) => ({ devices: await s.devices.configure(devices) }),
    'devices.reconnect': async ({ id }) => {
      await s.devices.reconnect(id);
      return { ok: true as const };
    },
    // Card data frames carry the applicant's name and ID number: the screen gets what the diagnostics bundle gets.
    'devices.frames': async ({ id, limit }) => {
      const frames = await s.devices.frames(id, limit);
      return { frames: frames && frames.map((f) => ({ ...f, hex: redactFrameHex(f.hex) })) };
    },
    'devices.testRead': ({ id, timeoutMs }) => s.devices.testRead(id, timeoutMs),
    'devices.simulatePlaceCard': ({ card }) => s.devices.simulatePlaceCard(card),
  };
}
