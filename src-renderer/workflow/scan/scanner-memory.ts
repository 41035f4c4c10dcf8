/** The scanner and profile last used at this station, remembered across sessions. */
const KEY = 'sohoa.scan.last';

export interface ScannerChoice {
  device?: string;
  profile?: string;
}

export function lastScannerChoice(): ScannerChoice {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as unknown;
    if (typeof saved !== 'object' || saved === null) return {};
    const { device, profile } = saved as Record<string, unknown>;
    return {
      ...(typeof device === 'string' ? { device } : {}),
      ...(typeof profile === 'string' ? { profile } : {}),
    };
  } catch {
    return {};
  }
}

export function rememberScannerChoice(choice: ScannerChoice): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(choice));
  } catch {
    // storage disabled (private window): the choice lasts for this page only
  }
}
