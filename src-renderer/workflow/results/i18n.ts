/** Strings of scanning a result paper (namespace `resultScan`): Vietnamese first, English complete. */
import { defineTexts } from '../scan/index.js';

const vi = {
  scanHeading: 'Từ máy quét',
  fileHeading: 'Hoặc từ tệp đã quét ở nơi khác',
  formLabel: 'Quét giấy tờ kết quả',
  help: 'Đặt giấy tờ kết quả vào máy quét và bấm "Quét giấy tờ kết quả"; các trang được làm sạch và đọc chữ để tra cứu được. Nhập thông tin giấy tờ rồi bấm "Lưu giấy tờ đã quét".',
  scan: 'Quét giấy tờ kết quả',
  cancel: 'Dừng quét',
  save: 'Lưu giấy tờ đã quét',
  paper: 'giấy tờ kết quả',
  draft_one: 'Bản quét chưa lưu: {{count}} trang, đã đọc chữ {{done}} trang.',
  draft_other: 'Bản quét chưa lưu: {{count}} trang, đã đọc chữ {{done}} trang.',
  noDraft: 'Chưa có trang nào được quét cho giấy tờ kết quả.',
  discard: 'Bỏ bản quét này',
  confirmDiscard: 'Bỏ các trang vừa quét của giấy tờ này? Dùng khi quét nhầm giấy tờ.',
  discarded_one: 'Đã bỏ {{count}} trang quét nhầm.',
  discarded_other: 'Đã bỏ {{count}} trang quét nhầm.',
  needName: 'Nhập tên giấy tờ trước khi lưu.',
  needPages: 'Quét giấy tờ trước khi lưu.',
  saving: 'Đang chờ đọc xong chữ trên các trang và tạo tệp PDF…',
  saved: 'Đã lưu “{{name}}” ({{pages}} trang, PDF tra cứu được) vào hồ sơ.',
} as const;

const en: Record<keyof typeof vi, string> = {
  scanHeading: 'From the scanner',
  fileHeading: 'Or from a file scanned elsewhere',
  formLabel: 'Scan a result paper',
  help: 'Put the result paper in the scanner and press "Scan result paper"; its pages are cleaned and read so it can be searched. Type the paper\'s particulars, then press "Save the scanned paper".',
  scan: 'Scan result paper',
  cancel: 'Stop scanning',
  save: 'Save the scanned paper',
  paper: 'the result paper',
  draft_one: 'Unsaved scan: {{count}} page, {{done}} read.',
  draft_other: 'Unsaved scan: {{count}} pages, {{done}} read.',
  noDraft: 'No page of a result paper scanned yet.',
  discard: 'Discard this scan',
  confirmDiscard: 'Discard the pages just scanned for this paper? For a paper scanned by mistake.',
  discarded_one: 'Discarded {{count}} page scanned by mistake.',
  discarded_other: 'Discarded {{count}} pages scanned by mistake.',
  needName: 'Type the name of the paper before saving.',
  needPages: 'Scan the paper before saving.',
  saving: 'Waiting for the pages to be read and building the PDF…',
  saved: '“{{name}}” ({{pages}} pages, searchable PDF) saved in the dossier.',
};

export const useResultScanTexts = defineTexts('resultScan', vi, en);
