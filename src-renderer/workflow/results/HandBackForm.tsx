/**
 * Handing back the results: the clerk digitizes each result paper (giấy tờ kết quả) the citizen
 * collects, with its result code, name, number and date of issue, into the dossier, filed under
 * the owner for later reuse — from the scanner (cleaned, read, a searchable PDF) or from a file
 * scanned elsewhere.
 */
import { FileResultForm } from './FileResultForm.js';
import { ScanResultForm } from './ScanResultForm.js';

export function HandBackForm(props: { MaHoSo: string }) {
  return (
    <>
      <ScanResultForm MaHoSo={props.MaHoSo} />
      <FileResultForm MaHoSo={props.MaHoSo} />
    </>
  );
}
