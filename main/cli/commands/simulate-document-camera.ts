import { VENDOR_DRIVERS, type VendorDriver } from '../../../common/contract/camera';
import { startDocumentCameraSimulator } from '../../../native/document-camera/sim/simulator';
import { CliError, parsePositiveInt } from '../util';

/**
 * `yichuang simulate document-camera [--dialect generic|liangtian] [--port 9000] [--fps 10]`: a vendor
 * 高拍仪 service on 127.0.0.1. Prints its ws:// address on stdout, then serves until SIGINT/SIGTERM.
 */
export async function simulateDocumentCamera(opts: { dialect: string; port: string; fps: string }): Promise<void> {
  if (!(VENDOR_DRIVERS as readonly string[]).includes(opts.dialect)) throw new CliError(`--dialect 只能是 ${VENDOR_DRIVERS.join('、')}：${opts.dialect}`, 2);
  const port = opts.port === '0' ? 0 : parsePositiveInt(opts.port, '--port');
  const fps = parsePositiveInt(opts.fps, '--fps');
  let sim;
  try {
    sim = await startDocumentCameraSimulator({ dialect: opts.dialect as VendorDriver, port, fps: Math.min(fps, 60) });
  } catch (err) {
    throw new CliError(`模拟高拍仪服务无法启动：${(err as Error).message}`, 1);
  }
  process.stdout.write(sim.url + '\n');
  process.stderr.write(`模拟高拍仪服务（${opts.dialect}）已启动；在“运维 → 设备 → 高拍仪”中选“厂商服务”，地址填 ${sim.url}。按 Ctrl+C 停止。\n`);
  await new Promise<void>((resolve) => {
    const end = () => {
      process.off('SIGINT', end);
      process.off('SIGTERM', end);
      void sim.close().finally(resolve);
    };
    process.on('SIGINT', end);
    process.on('SIGTERM', end);
  });
}
