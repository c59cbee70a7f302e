// Minimal types for the two build-time libraries the packaging test reads with (they ship none).
declare module 'js-yaml' {
  const yaml: { load(text: string): unknown };
  export default yaml;
}
declare module 'pngjs' {
  export class PNG {
    constructor(opts: { width: number; height: number });
    width: number;
    height: number;
    data: Buffer;
    static sync: { read(buf: Buffer): PNG; write(png: PNG): Buffer };
  }
}
