/**
 * Dossier codes from QR codes on a page (the one-stop-shop receipt carries one). zxing-wasm's
 * reader is loaded from node_modules' own .wasm file: nothing is fetched at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { parseDossierCode } from '../../domain/index.js';

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
 * The first QR code on the page whose text is a dossier code (official or provisional), or
 * undefined. Other QR codes (addresses, links printed on forms) are content, not separators.
 *
 * `image` is a PNG or JPEG (what the importer and the scanner land): the reader decodes it itself,
 * several times faster than handing it pixels decoded here. Receipts are printed dark on light,
 * so inverted symbols are not searched for.
 */
export async function dossierCodeOnPage(image: Uint8Array): Promise<string | undefined> {
  await loadReader();
  const found = await readBarcodes(image, {
    formats: ['QRCode'],
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
