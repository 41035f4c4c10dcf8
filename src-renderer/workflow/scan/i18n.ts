/** The scan step's strings (namespace `scan`): Vietnamese first, English complete. */
import { defineTexts } from './text-bundle.js';

const vi = {
  heading: 'Quét hồ sơ',
  scanner: 'Máy quét',
  profile: 'Chế độ quét',
  noScanner:
    'Không thấy máy quét nào. Kiểm tra cáp và nguồn điện của máy quét; danh sách tự cập nhật khi máy quét sẵn sàng.',
  loadingScanners: 'Đang tìm máy quét…',
  component: 'Thành phần hồ sơ cần quét',
  required: 'bắt buộc',
  pageCount_one: '{{count}} trang',
  pageCount_other: '{{count}} trang',
  scan: 'Quét',
  scanHint: 'Quét vào thành phần đã chọn (Ctrl+Enter)',
  cancel: 'Dừng quét',
  done: 'Xong, xem lại các trang',
  starting: 'Đang khởi động máy quét…',
  scanningPage: 'Đang quét trang {{page}}…',
  progress: 'Tiến độ trang đang quét',
  finished_one: 'Đã quét xong {{count}} trang.',
  finished_other: 'Đã quét xong {{count}} trang.',
  feederEmpty: 'Khay nạp giấy đã hết giấy.',
  stopped: 'Đã dừng quét. {{count}} trang đã quét được giữ nguyên.',
  landedHeading: 'Các trang vừa quét',
  landedNone: 'Chưa có trang nào trong lượt này. Đặt giấy vào máy quét rồi bấm Quét.',
  pageThumb: 'Trang {{n}} của {{component}}',
  jammedTitle: 'Giấy bị kẹt trong máy quét',
  jammedWhat:
    'Máy quét bị kẹt giấy ở tờ thứ {{page}}. {{kept}} trang quét trước đó đã được lưu, không mất trang nào.',
  jammedWayOut:
    'Mở nắp máy quét, gỡ tờ giấy bị kẹt, đặt lại tờ đó cùng các tờ chưa quét vào khay, rồi bấm "Tiếp tục quét". Các trang mới sẽ được nối tiếp sau các trang đã có.',
  problemTitle: 'Lượt quét bị dừng',
  problemKept: '{{kept}} trang quét trước đó đã được lưu.',
  continue: 'Tiếp tục quét',
  stopKeep: 'Dừng, giữ các trang đã quét',
  startFailed: 'Không bắt đầu quét được',
  shortcuts: 'Phím tắt: Ctrl+Enter — quét; Esc — dừng quét',
} as const;

const en: Record<keyof typeof vi, string> = {
  heading: 'Scan the dossier',
  scanner: 'Scanner',
  profile: 'Scan profile',
  noScanner:
    'No scanner found. Check its cable and power; the list updates by itself once the scanner is ready.',
  loadingScanners: 'Looking for scanners…',
  component: 'Dossier component to scan into',
  required: 'required',
  pageCount_one: '{{count}} page',
  pageCount_other: '{{count}} pages',
  scan: 'Scan',
  scanHint: 'Scan into the chosen component (Ctrl+Enter)',
  cancel: 'Stop scanning',
  done: 'Done, review the pages',
  starting: 'Starting the scanner…',
  scanningPage: 'Scanning page {{page}}…',
  progress: 'Progress of the page being scanned',
  finished_one: 'Scanned {{count}} page.',
  finished_other: 'Scanned {{count}} pages.',
  feederEmpty: 'The document feeder is empty.',
  stopped: 'Scanning stopped. The {{count}} page(s) already scanned are kept.',
  landedHeading: 'Pages just scanned',
  landedNone: 'No pages in this round yet. Load paper into the scanner and press Scan.',
  pageThumb: 'Page {{n}} of {{component}}',
  jammedTitle: 'Paper jam in the scanner',
  jammedWhat:
    'The scanner jammed on sheet {{page}}. The {{kept}} page(s) scanned before it are saved; nothing is lost.',
  jammedWayOut:
    'Open the scanner cover, remove the jammed sheet, put it back in the feeder with the sheets not yet scanned, then press "Continue scanning". The new pages are added after the ones already there.',
  problemTitle: 'Scanning stopped',
  problemKept: 'The {{kept}} page(s) scanned before are saved.',
  continue: 'Continue scanning',
  stopKeep: 'Stop, keep the scanned pages',
  startFailed: 'Could not start scanning',
  shortcuts: 'Shortcuts: Ctrl+Enter — scan; Esc — stop scanning',
};

export const useScanTexts = defineTexts('scan', vi, en);
