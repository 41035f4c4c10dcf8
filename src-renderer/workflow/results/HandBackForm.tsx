/**
 * Handing back the results: the clerk digitizes each result paper (giấy tờ kết quả) the citizen
 * collects, with its result code, name, number and date of issue, into the dossier, filed under
 * the owner for later reuse — from the scanner (cleaned, read, a searchable PDF) or from a file
 * scanned elsewhere.
 */
import { FileResultForm } from './FileResultForm.js';
import { useResultScanTexts } from './i18n.js';
import { ScanResultForm } from './ScanResultForm.js';

export function HandBackForm(props: { MaHoSo: string }) {
  const t = useResultScanTexts();
  return (
    <>
      <h4>{t('scanHeading')}</h4>
      <ScanResultForm MaHoSo={props.MaHoSo} />
      <h4>{t('fileHeading')}</h4>
      <FileResultForm MaHoSo={props.MaHoSo} />
    </>
  );
}
