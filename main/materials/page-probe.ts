import { AppError } from '../../common/contract/errors';
import type { PageMime } from '../../common/contract/materials';

export interface ProbedPage {
  kind: 'image' | 'pdf';
  mime: PageMime;
  pageCount: number;
  width: number | null;
  height: number | null;
}

const WRONG_TYPE = '文件内容与类型不符：只能添加 JPG、PNG 图片或 PDF 文件。请重新选择文件。';
/** Pages of one PDF file added to a slot; a longer file is split by the applicant's office, not here. */
export const MAX_PDF_PAGES = 200;

/**
 * What a staged file is, from its bytes (never from the name or the declared type alone): a JPEG
 * (its frame header gives the size), a PNG (IHDR), or a PDF pdf-lib can read. Anything else, an
 * encrypted PDF or a declared type that does not match the bytes is refused with a plain message.
 */
export async function probePage(bytes: Uint8Array, declared: PageMime): Promise<ProbedPage> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const actual = sniff(b);
  if (!actual || actual !== declared) throw new AppError('INVALID_INPUT', WRONG_TYPE);
  if (actual === 'image/png') {
    if (b.length < 24) throw new AppError('INVALID_INPUT', WRONG_TYPE);
    return { kind: 'image', mime: actual, pageCount: 1, width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (actual === 'image/jpeg') {
    const size = jpegSize(b);
    if (!size) throw new AppError('INVALID_INPUT', '图片已损坏或不完整，请重新拍摄或选择文件。');
    return { kind: 'image', mime: actual, pageCount: 1, ...size };
  }
  let pageCount: number;
  try {
    // pdf-lib reads leniently: a file without a page tree loads, and fails when its pages are counted.
    // Loaded on the first PDF (as in assemble.ts): not on the way to the first screen.
    const { PDFDocument } = await import('pdf-lib');
    pageCount = (await PDFDocument.load(b, { updateMetadata: false })).getPageCount();
  } catch (err) {
    if (/encrypt/i.test((err as Error).message)) throw new AppError('INVALID_INPUT', '这个 PDF 文件设有密码保护，无法加入材料。请提供未加密的文件。');
    throw new AppError('INVALID_INPUT', 'PDF 文件已损坏，无法读取。请重新导出或扫描后再添加。');
  }
  if (pageCount === 0) throw new AppError('INVALID_INPUT', '这个 PDF 文件没有页面。');
  if (pageCount > MAX_PDF_PAGES) throw new AppError('TOO_LARGE', `这个 PDF 有 ${pageCount} 页，一份材料最多 ${MAX_PDF_PAGES} 页。请拆分后分别添加。`);
  return { kind: 'pdf', mime: actual, pageCount, width: null, height: null };
}

/** The type the magic bytes say. */
export function sniff(b: Buffer): PageMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the first SOFn marker of a JPEG. */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = b.readUInt16BE(i + 5);
      const width = b.readUInt16BE(i + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    i += 2 + len;
  }
  return null;
}
