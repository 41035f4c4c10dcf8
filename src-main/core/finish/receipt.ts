/**
 * The reception receipt, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (form 01, Circular
 * 01/2018/TT-VPCP): agency and national header, the dossier code with a QR code carrying it (a
 * batch job reading the receipt back separates dossiers by it), the applicant, the procedure,
 * the components received with their page counts, reception time and the appointment to return
 * results, and the two signature blocks. A4 or A5, Liberation Serif (full Vietnamese coverage),
 * embedded subset.
 */
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { ReceiptPaper } from '../../domain/index.js';
import { resourcePath } from '../../platform/index.js';

export interface ReceiptData {
  agencyName: string;
  MaHoSo: string;
  TenTTHC: string;
  MaTTHC: string;
  ChuHoSo: string;
  SoDinhDanh?: string;
  DiaChi?: string;
  SoDienThoai?: string;
  Email?: string;
  /** yyyyMMddHHmmss, Vietnam time (as the dossier stores it). */
  NgayTiepNhan: string;
  NgayHenTra?: string;
  components: Array<{ TenThanhPhanHoSo: string; pages: number; waived?: string }>;
  clerk: string;
}

const PAPER: Record<ReceiptPaper, { size: [number, number]; scale: number }> = {
  A4: { size: [595.28, 841.89], scale: 1 },
  A5: { size: [419.53, 595.28], scale: 0.72 },
};

const FONT = 'LiberationSerif-Regular.ttf';
let fontBytes: Uint8Array | undefined;

/** "14 giờ 05 phút, ngày 26/11/2026" from yyyyMMddHHmmss. */
function vnTime(ts: string): string {
  return `${ts.slice(8, 10)} giờ ${ts.slice(10, 12)} phút, ngày ${ts.slice(6, 8)}/${ts.slice(4, 6)}/${ts.slice(0, 4)}`;
}

class Writer {
  y: number;
  constructor(
    readonly page: PDFPage,
    readonly font: PDFFont,
    readonly scale: number,
    readonly margin: number,
  ) {
    this.y = page.getHeight() - margin;
  }

  get width(): number {
    return this.page.getWidth() - 2 * this.margin;
  }

  /** Words wrapped to `width`, each line drawn at x (left, centred in [x, x+width]). */
  text(
    value: string,
    options: { size?: number; x?: number; width?: number; center?: boolean; gap?: number } = {},
  ): void {
    const size = (options.size ?? 12) * this.scale;
    const x0 = options.x ?? this.margin;
    const width = options.width ?? this.width - (x0 - this.margin);
    for (const line of this.wrap(value, size, width)) {
      this.y -= size * 1.25;
      const w = this.font.widthOfTextAtSize(line, size);
      const x = options.center ? x0 + (width - w) / 2 : x0;
      this.page.drawText(line, { x, y: this.y, size, font: this.font, color: rgb(0, 0, 0) });
    }
    this.y -= (options.gap ?? 2) * this.scale;
  }

  wrap(value: string, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of value.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && this.font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines.length ? lines : [''];
  }
}

export async function renderReceipt(data: ReceiptData, paper: ReceiptPaper): Promise<Uint8Array> {
  const { size, scale } = PAPER[paper];
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  fontBytes ??= await readFile(resourcePath('fonts', FONT));
  const font = await doc.embedFont(fontBytes, { subset: true });
  doc.setTitle(`Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${data.MaHoSo}`);
  doc.setAuthor(data.agencyName);
  doc.setSubject(data.TenTTHC);
  doc.setKeywords([data.MaHoSo, data.MaTTHC]);
  doc.setProducer('SoHoa');
  doc.setCreator('SoHoa');

  const page = doc.addPage(size);
  const margin = 50 * scale;
  const w = new Writer(page, font, scale, margin);
  const half = w.width / 2;

  // header: agency on the left, national motto on the right, side by side
  const top = w.y;
  w.text(data.agencyName.toUpperCase(), { size: 11, width: half - 10 * scale, center: true });
  const leftBottom = w.y;
  w.y = top;
  w.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
    size: 11,
    x: margin + half,
    width: half,
    center: true,
  });
  w.text('Độc lập - Tự do - Hạnh phúc', { size: 11, x: margin + half, width: half, center: true });
  w.y = Math.min(w.y, leftBottom) - 14 * scale;

  // QR code with the dossier code, top right of the title block
  const qrSize = 78 * scale;
  const titleTop = w.y;
  const qr = await doc.embedPng(
    await QRCode.toBuffer(data.MaHoSo, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 1,
      scale: 8,
    }),
  );
  page.drawImage(qr, {
    x: page.getWidth() - margin - qrSize,
    y: titleTop - qrSize,
    width: qrSize,
    height: qrSize,
  });
  const titleWidth = w.width - qrSize - 8 * scale;
  w.text('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { size: 13, width: titleWidth, center: true });
  w.text(`Mã hồ sơ: ${data.MaHoSo}`, { size: 12, width: titleWidth, center: true, gap: 8 });
  w.y = Math.min(w.y, titleTop - qrSize) - 8 * scale;

  w.text(`${data.agencyName} tiếp nhận hồ sơ của:`);
  w.text(`Ông/Bà: ${data.ChuHoSo}`);
  if (data.SoDinhDanh) w.text(`Số định danh cá nhân/CCCD: ${data.SoDinhDanh}`);
  if (data.DiaChi) w.text(`Địa chỉ: ${data.DiaChi}`);
  const contact = [
    data.SoDienThoai && `Số điện thoại: ${data.SoDienThoai}`,
    data.Email && `Email: ${data.Email}`,
  ].filter(Boolean);
  if (contact.length) w.text(contact.join('   '));
  w.text(`Nội dung yêu cầu giải quyết: ${data.TenTTHC} (mã thủ tục ${data.MaTTHC})`, { gap: 6 });

  w.text('1. Thành phần hồ sơ và số lượng mỗi loại giấy tờ gồm:');
  const countX = margin + w.width - 70 * scale;
  data.components.forEach((c, i) => {
    const before = w.y;
    const label = `${i + 1}. ${c.TenThanhPhanHoSo}${c.waived ? ` (lý do miễn nộp: ${c.waived})` : ''}`;
    w.text(label, { x: margin + 14 * scale, width: countX - margin - 24 * scale, gap: 0 });
    const after = w.y;
    w.y = before;
    w.text(c.pages === 0 && c.waived ? 'miễn nộp' : `${c.pages} trang`, {
      x: countX,
      width: 70 * scale,
      gap: 0,
    });
    w.y = Math.min(after, w.y) - 2 * scale;
  });
  w.y -= 4 * scale;
  w.text('2. Số lượng hồ sơ: 01 (bộ).');
  w.text(`3. Thời gian tiếp nhận hồ sơ: ${vnTime(data.NgayTiepNhan)}.`);
  w.text(
    data.NgayHenTra
      ? `4. Thời gian trả kết quả giải quyết hồ sơ: ${vnTime(data.NgayHenTra)}.`
      : '4. Thời gian trả kết quả giải quyết hồ sơ: trong ngày tiếp nhận.',
  );
  w.text(
    '5. Tra cứu tình trạng hồ sơ bằng mã hồ sơ hoặc quét mã QR trên giấy này. Khi nhận kết quả, mang theo giấy tiếp nhận này.',
    { gap: 16 },
  );

  const signTop = w.y;
  w.text('NGƯỜI NỘP HỒ SƠ', { size: 11, width: half, center: true });
  w.text('(Ký và ghi rõ họ tên)', { size: 10, width: half, center: true });
  w.y = signTop;
  w.text('NGƯỜI TIẾP NHẬN HỒ SƠ', { size: 11, x: margin + half, width: half, center: true });
  w.text('(Ký và ghi rõ họ tên)', { size: 10, x: margin + half, width: half, center: true });
  w.y -= 50 * scale;
  w.text(data.clerk, { size: 11, x: margin + half, width: half, center: true });

  return doc.save();
}
