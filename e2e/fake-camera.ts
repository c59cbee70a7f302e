import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderTestPage } from '../native/document-camera/sim/test-page';
import { CHROMIUM_ARGS } from '../playwright.config';

/**
 * A y4m file for Chromium's fake camera (`--use-file-for-fake-video-capture`): a few frames of the
 * generated test page (white A4, dark text-like blocks, on a darker desk), each shifted a little so
 * the picture is visibly live. 4:2:0, grey (chroma 128). Written per run, never downloaded.
 */
export function writeFakeCameraY4m(opts: { width?: number; height?: number; frames?: number; fps?: number } = {}): { file: string; fps: number; width: number; height: number } {
  const width = opts.width ?? 1280;
  const height = opts.height ?? 960;
  const frames = opts.frames ?? 4;
  const fps = opts.fps ?? 10;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-cam-')), 'page.y4m');
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
    for (let f = 0; f < frames; f++) {
      const page = renderTestPage({ width, height, pageNo: 1, shift: f * 2 });
      fs.writeSync(fd, 'FRAME\n');
      fs.writeSync(fd, page.grey);
      fs.writeSync(fd, chroma);
      fs.writeSync(fd, chroma);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { file, fps, width, height };
}

/** Chromium's flags for a fake camera playing `file`, with the permission prompt answered yes. */
export function fakeCameraArgs(file: string): string[] {
  return [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}
