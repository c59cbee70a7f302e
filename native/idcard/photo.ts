/**
 * The card photo is 1024 bytes of WLT (a proprietary wavelet format) that decodes to 102×126 BGR.
 * No open-source decoder is known, so none ships: a vendor library can be plugged in through this
 * interface. Without one, the UI shows a placeholder and `PHOTO_NOTE` says why.
 */
export interface PhotoDecoder {
  name: string;
  /** WLT in, an image the renderer can show (`data:image/bmp;base64,…` or PNG) out. */
  decode(wlt: Uint8Array): Promise<string>;
}

export const PHOTO_NOTE_NO_DECODER = '未安装身份证照片解码库（WLT 格式为厂商私有），此处显示占位图；证件信息不受影响。';

let installed: PhotoDecoder | null = null;

export function installPhotoDecoder(decoder: PhotoDecoder | null): void {
  installed = decoder;
}

/**
 * Load a decoder module (a JS/TS wrapper around the vendor's native library) by path, e.g. from
 * configuration. It must export `photoDecoder: PhotoDecoder`. Failure leaves no decoder installed.
 */
export async function loadPhotoDecoder(modulePath: string): Promise<PhotoDecoder> {
  const mod = (await import(modulePath)) as { photoDecoder?: PhotoDecoder };
  if (!mod.photoDecoder || typeof mod.photoDecoder.decode !== 'function')
    throw new Error(`照片解码模块 ${modulePath} 没有导出 photoDecoder`);
  installed = mod.photoDecoder;
  return installed;
}

/** Image and note for one photo: never throws; a decoder failure becomes a note. */
export async function decodePhoto(wlt: Uint8Array | null): Promise<{ image: string | null; note: string | null }> {
  if (!wlt || wlt.length === 0) return { image: null, note: '卡片未包含照片数据。' };
  if (!installed) return { image: null, note: PHOTO_NOTE_NO_DECODER };
  try {
    return { image: await installed.decode(wlt), note: null };
  } catch (err) {
    return { image: null, note: `照片解码失败（${installed.name}）：${err instanceof Error ? err.message : String(err)}` };
  }
}
