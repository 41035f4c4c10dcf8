/**
 * The driver interface (NAPS2's model): list devices, read a device's capabilities, scan. A scan
 * is an async stream of pages, each handed over once its last byte has arrived; the stream's
 * return value says how the scan ended, and a failure is thrown after every finished page has
 * been yielded. Cancel with the AbortSignal.
 */
import type {
  AcquiredImage,
  DeviceCapabilities,
  ScanDevice,
  ScanOutcome,
  ScanRequest,
  ScanRunOptions,
} from './types.js';

export interface ScanDriver {
  readonly id: 'sane' | 'twain';
  listDevices(): Promise<ScanDevice[]>;
  capabilities(device: string): Promise<DeviceCapabilities>;
  scan(
    request: ScanRequest,
    options?: ScanRunOptions,
  ): AsyncGenerator<AcquiredImage, ScanOutcome, void>;
  /** Releases the driver's resources (the scanner host process). */
  dispose(): Promise<void>;
}
