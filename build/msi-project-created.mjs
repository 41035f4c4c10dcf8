/**
 * electron-builder `msiProjectCreated` hook: adds SoHoa's silent-install properties
 * (GATEWAY_URL, AGENCY_CODE) and the action that writes them to the machine configuration into
 * the generated WiX project, just before `</Product>`.
 */
import { readFile, writeFile } from 'node:fs/promises';

const PART = new URL('./msi/machine-config.wxs.part', import.meta.url);
const MARKER = 'Id="SoHoaWriteMachineConfig"';

export async function addMachineConfig(wxs) {
  if (wxs.includes(MARKER)) return wxs;
  const end = wxs.lastIndexOf('</Product>');
  if (end < 0) throw new Error('msiProjectCreated: no </Product> in the generated WiX project');
  const part = await readFile(PART, 'utf8');
  return `${wxs.slice(0, end)}${part}  ${wxs.slice(end)}`;
}

export default async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, await addMachineConfig(await readFile(projectFile, 'utf8')), 'utf8');
}
