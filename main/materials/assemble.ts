import { PAGE_TARGET, type Crop, type Rotation } from '../../common/contract/materials';

/** One staged part, opened, in slot order. */
export interface AssemblyPart {
  kind: 'image' | 'pdf';
  mime: string;
  bytes: Uint8Array;
  rotation: Rotation;
  crop: Crop | null;
}

/** A4 at 72 pt per inch; an image page is sized from its pixels at the target dpi. */
const PT_PER_PX = 72 / PAGE_TARGET.dpi;
// A fixed date keeps the bytes a function of the pages: the same pages give the same SHA-256.
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * Assembles a material's parts into one PDF (pdf-lib): each JPEG is embedded as is (no re-encode),
 * a PNG losslessly, a PDF part's pages copied in. Rotation is the page's /Rotate, a crop its
 * /CropBox (and /MediaBox, so viewers and printers agree): metadata, nothing decoded.
 * Deterministic for the same parts.
 */
export async function assemblePdf(parts: readonly AssemblyPart[], title: string): Promise<{ bytes: Uint8Array; pages: number }> {
  // pdf-lib is loaded by the first decision, not at start: evaluating it is ~10 ms on the way to the first screen.
  const { degrees, PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setProducer('Yichuang');
  doc.setCreator('Yichuang');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  for (const part of parts) {
    // pdf-lib's JPEG reader views `.buffer` from offset 0: a Buffer slice of a larger allocation must be copied out.
    const bytes = part.bytes.byteOffset === 0 && part.bytes.byteLength === part.bytes.buffer.byteLength ? part.bytes : new Uint8Array(part.bytes);
    if (part.kind === 'pdf') {
      const src = await PDFDocument.load(bytes, { updateMetadata: false });
      const copied = await doc.copyPages(src, src.getPageIndices());
      for (const page of copied) {
        page.setRotation(degrees((page.getRotation().angle + part.rotation) % 360));
        doc.addPage(page);
      }
      continue;
    }
    const image = part.mime === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
    const w = image.width * PT_PER_PX;
    const h = image.height * PT_PER_PX;
    const page = doc.addPage([w, h]);
    page.drawImage(image, { x: 0, y: 0, width: w, height: h });
    if (part.crop) {
      // Crop fractions are from the top-left of the image; PDF boxes from the bottom-left.
      const box = { x: part.crop.x * w, y: (1 - part.crop.y - part.crop.h) * h, width: part.crop.w * w, height: part.crop.h * h };
      page.setCropBox(box.x, box.y, box.width, box.height);
      page.setMediaBox(box.x, box.y, box.width, box.height);
    }
    if (part.rotation) page.setRotation(degrees(part.rotation));
  }
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, pages: doc.getPageCount() };
}
