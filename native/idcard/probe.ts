import { SerialLink } from '../serial/serial-link';
import { commandFrame, ResponseDecoder } from './codec';
import { AUTO_BAUDS } from './reader';

/**
 * Is there an ID card reader on `path`? Asks `read SAM id` at each baud and waits briefly for any
 * well-formed answer. Used to find a reader again when it re-enumerated under an unknown name.
 * Never throws; always closes the port.
 */
export async function probeIdCardReader(path: string, bauds: readonly number[] = AUTO_BAUDS, timeoutMs = 300): Promise<boolean> {
  let link: SerialLink;
  try {
    link = await SerialLink.open(path, bauds[0]!, 1000);
  } catch {
    return false;
  }
  try {
    for (const baud of bauds) {
      await link.setBaud(baud);
      const decoder = new ResponseDecoder();
      const answered = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => (off(), resolve(false)), timeoutMs);
        const off = link.onData((chunk) => {
          if (decoder.push(chunk).some((e) => e.kind === 'response' || e.kind === 'status')) {
            clearTimeout(timer);
            off();
            resolve(true);
          }
        });
      });
      await link.write(commandFrame('readSamId'));
      if (await answered) return true;
    }
    return false;
  } catch {
    return false;
  } finally {
    await link.close();
  }
}
