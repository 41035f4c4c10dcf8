/** Types for the electron-builder MSI hook (a plain .mjs so electron-builder can load it). */
export declare function addMachineConfig(wxs: string): Promise<string>;
export default function msiProjectCreated(projectFile: string): Promise<void>;
