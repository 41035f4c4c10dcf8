/**
 * Dossier codes from the QR code or barcode on a page: the one-stop-shop receipt carries a QR;
 * contractors' own separator sheets and older receipts carry the code as Code 128, Code 39,
 * Data Matrix or PDF417. ITF and the retail codes carry digits only, and no dossier code is
 * digits only, so they are not looked for (each symbology searched costs time on every page).
 * zxing-wasm's reader is loaded from node_modules' own .wasm file: nothing is fetched at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReadInputBarcodeFormat } from 'zxing-wasm/reader';
import { parseDossierCode } from '../../domain/index.js';

const DOSSIER_CODE_FORMATS: readonly ReadInputBarcodeFormat[] = [
  'QRCode',
  'DataMatrix',
  'PDF417',
  'Code128',
  'Code39',
];

let ready: Promise<unknown> | undefined;

function loadReader(): Promise<unknown> {
  if (!ready) {
    const wasm = readFileSync(
      createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'),
    );
    ready = prepareZXingModule({
      overrides: {
        wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
      },
      fireImmediately: true,
    });
  }
  return ready;
}

/**
 * The first symbol on the page whose text is a dossier code (official or provisional), or
 * undefined. Other codes (addresses, links printed on forms) are content, not separators.
 *
 * `image` is a PNG or JPEG (what the importer and the scanner land): the reader decodes it itself,
 * several times faster than handing it pixels decoded here. Receipts are printed dark on light,
 * so inverted symbols are not searched for.
 */
export async function dossierCodeOnPage(image: Uint8Array): Promise<string | undefined> {
  await loadReader();
  const found = await readBarcodes(image, {
    formats: [...DOSSIER_CODE_FORMATS],
    tryHarder: true,
    tryInvert: false,
    maxNumberOfSymbols: 4,
  });
  for (const symbol of found) {
    const text = symbol.text.trim();
    if (symbol.isValid && parseDossierCode(text)) return text;
  }
  return undefined;
}
