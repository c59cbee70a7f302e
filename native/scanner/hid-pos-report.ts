import { symbologyName, UNKNOWN_SYMBOLOGY } from './aim';
import type { HidPosLayout } from './hid-models';
import { trimLineBreaks } from './scan-framer';
import { ScannerError, type ScanResult } from './scan-result';
import { decodeScanBytes, type EncodingSetting } from './text-decoding';

export interface HidPosPacket {
  aimId: string | null;
  data: Uint8Array;
  /** More reports of the same scan follow. */
  more: boolean;
}

/** One input report → its packet; null for other report ids (status, keyboard), never throws. */
export function parseHidPosReport(report: Uint8Array, layout: HidPosLayout): HidPosPacket | ScannerError | null {
  if (report.length === 0 || report[0] !== layout.reportId) return null;
  if (report.length <= layout.dataOffset) return new ScannerError('REPORT_INVALID', `扫码枪报告过短（${report.length} 字节），已忽略。`);
  const length = report[layout.lengthOffset]!;
  const room = Math.min(layout.maxDataLength, report.length - layout.dataOffset);
  if (length > room)
    return new ScannerError('REPORT_INVALID', `扫码枪报告声明 ${length} 字节数据，但最多容纳 ${room} 字节，已忽略。请确认扫码枪型号配置。`);
  const contIndex = layout.continuationOffset < 0 ? report.length + layout.continuationOffset : layout.continuationOffset;
  const aimId =
    layout.aimOffset === null ? null : String.fromCharCode(...report.subarray(layout.aimOffset, layout.aimOffset + 3)).replace(/\0/g, '');
  return {
    aimId: aimId || null,
    data: report.subarray(layout.dataOffset, layout.dataOffset + length),
    more: (report[contIndex]! & 0x01) === 1,
  };
}

/** Largest scan kept when reports keep saying "more": a stuck continuation bit must not eat memory. */
export const MAX_HID_SCAN_BYTES = 8192;

/**
 * Joins the packets of one scan until the continuation bit is clear: the reports, not CR/LF, frame
 * a HID scan, so a multi-line code stays one. A suffix the scanner still appends in HID POS mode
 * (CR/LF at the end) is dropped; line breaks inside are kept.
 */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];
  private size = 0;
  private aimId: string | null = null;
  private overflow = false;

  constructor(
    private readonly layout: HidPosLayout,
    private readonly encoding: EncodingSetting = 'auto',
    private readonly maxBytes = MAX_HID_SCAN_BYTES,
  ) {}

  /** A finished scan, an error, or null while waiting for more (or for a report that is not ours). */
  push(report: Uint8Array): ScanResult | ScannerError | null {
    const packet = parseHidPosReport(report, this.layout);
    if (packet === null || packet instanceof ScannerError) return packet;
    if (this.parts.length === 0 && !this.overflow) this.aimId = packet.aimId;
    if (!this.overflow) {
      if (this.size + packet.data.length > this.maxBytes) {
        this.overflow = true;
        this.parts = [];
        this.size = 0;
      } else {
        this.parts.push(Uint8Array.from(packet.data));
        this.size += packet.data.length;
      }
    }
    if (packet.more) return null;
    if (this.overflow) {
      this.overflow = false;
      return new ScannerError('SCAN_TOO_LONG', `扫码内容超过 ${this.maxBytes} 字节，已丢弃。`);
    }
    const bytes = Buffer.concat(this.parts, this.size);
    const aimId = this.aimId;
    this.parts = [];
    this.size = 0;
    this.aimId = null;
    const { text, encoding } = decodeScanBytes(trimLineBreaks(bytes), this.encoding);
    const symbology = aimId ? symbologyName(aimId) : UNKNOWN_SYMBOLOGY;
    return aimId && symbology !== UNKNOWN_SYMBOLOGY ? { text, symbology, aimId, encoding } : { text, symbology, encoding };
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
    this.aimId = null;
    this.overflow = false;
  }
}

/** Builds the reports a scanner sends for one scan (simulators, tests, recordings). */
export function encodeHidPosReports(data: Uint8Array, aimId: string | null, layout: HidPosLayout): Uint8Array[] {
  const reports: Uint8Array[] = [];
  let offset = 0;
  do {
    const chunk = data.subarray(offset, offset + layout.maxDataLength);
    offset += chunk.length;
    const r = new Uint8Array(layout.reportLength);
    r[0] = layout.reportId;
    r[layout.lengthOffset] = chunk.length;
    if (layout.aimOffset !== null && aimId) for (let i = 0; i < 3; i++) r[layout.aimOffset + i] = aimId.charCodeAt(i);
    r.set(chunk, layout.dataOffset);
    const cont = layout.continuationOffset < 0 ? r.length + layout.continuationOffset : layout.continuationOffset;
    if (offset < data.length) r[cont]! |= 0x01;
    reports.push(r);
  } while (offset < data.length);
  return reports;
}
