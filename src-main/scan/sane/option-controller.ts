/**
 * Reads and sets a SANE device's options by concept (source, mode, resolution, area…), re-reading
 * the option list after each change because setting one option can activate, deactivate or
 * re-constrain others (a source change often changes the resolutions and the scan area).
 */
import { unsupportedSetting } from '../errors.js';
import type {
  ColorMode,
  DeviceCapabilities,
  DeviceOptionValue,
  ScanRequest,
  ScanSource,
} from '../types.js';
import type { SaneDeviceHandle, SaneOption } from './addon.js';
import {
  OPTION_NAMES,
  classifyMode,
  classifySource,
  matchMode,
  matchSource,
} from './option-matchers.js';
import { scanArea } from './scan-area.js';

export class OptionController {
  #options: SaneOption[];
  /** Values before this session changed them: backends keep option state across opens. */
  readonly #original = new Map<number, SaneOption>();

  constructor(private readonly device: SaneDeviceHandle) {
    this.#options = device.options();
  }

  find(names: readonly string[]): SaneOption | undefined {
    return this.#options.find((o) => names.includes(o.name) && o.active);
  }

  #listValues(option: SaneOption | undefined): string[] {
    return option?.constraint?.kind === 'list' ? option.constraint.values.map(String) : [];
  }

  set(option: SaneOption, value: DeviceOptionValue | number[]): void {
    if (!this.#original.has(option.index)) this.#original.set(option.index, option);
    this.device.setOption(option.index, value);
    this.#options = this.device.options();
  }

  /**
   * Puts back what this session changed, newest first, so the next scan (or another program)
   * finds the device as it was; an option that cannot be restored is left as it is.
   */
  restore(): void {
    for (const original of [...this.#original.values()].reverse()) {
      const current = this.#options.find((o) => o.index === original.index);
      if (original.value === null || !current?.active || !current.settable) continue;
      try {
        this.device.setOption(original.index, original.value);
        this.#options = this.device.options();
      } catch {
        // best effort: the device may refuse a value that was valid only with other settings
      }
    }
    this.#original.clear();
  }

  /** Sets a numeric option to the allowed value nearest to `wanted` (range quantisation or list). */
  setNearest(option: SaneOption, wanted: number): number {
    const c = option.constraint;
    let value = wanted;
    if (c?.kind === 'range') {
      value = Math.min(c.max, Math.max(c.min, wanted));
      if (c.quant > 0) value = c.min + Math.round((value - c.min) / c.quant) * c.quant;
    } else if (c?.kind === 'list') {
      const numbers = c.values.map(Number);
      value = numbers.reduce(
        (best, v) => (Math.abs(v - wanted) < Math.abs(best - wanted) ? v : best),
        numbers[0] ?? wanted,
      );
    }
    if (option.type === 'int') value = Math.round(value);
    this.set(option, value);
    return value;
  }

  capabilities(device: string): DeviceCapabilities {
    const source = this.find(OPTION_NAMES.source);
    const sources = source
      ? [
          ...new Set(
            this.#listValues(source)
              .map(classifySource)
              .filter((s): s is ScanSource => s !== undefined),
          ),
        ]
      : (['flatbed'] as ScanSource[]);
    const modes = new Set(
      this.#listValues(this.find(OPTION_NAMES.mode))
        .map(classifyMode)
        .filter((m): m is ColorMode => m !== undefined),
    );
    const depths = this.#listValues(this.find(OPTION_NAMES.depth)).map(Number);
    if (depths.includes(1) && modes.has('gray')) modes.add('lineart');
    const res = this.find(OPTION_NAMES.resolution) ?? this.find(OPTION_NAMES.xResolution);
    const dpi =
      res?.constraint?.kind === 'range'
        ? { min: res.constraint.min, max: res.constraint.max }
        : res?.constraint?.kind === 'list'
          ? res.constraint.values.map(Number)
          : [];
    const brX = this.find(OPTION_NAMES.brX);
    const brY = this.find(OPTION_NAMES.brY);
    const maxArea =
      brX?.constraint?.kind === 'range' && brY?.constraint?.kind === 'range'
        ? { widthMm: brX.constraint.max, heightMm: brY.constraint.max }
        : undefined;
    return {
      device,
      sources,
      modes: [...modes],
      depths: depths.length > 0 ? depths : [8],
      dpi,
      ...(maxArea ? { maxArea } : {}),
      brightness: this.find(OPTION_NAMES.brightness) !== undefined,
      contrast: this.find(OPTION_NAMES.contrast) !== undefined,
    };
  }

  /**
   * Applies a request in the order that keeps later options valid: source, mode, depth, dpi, area.
   * Returns the resolution the device actually took.
   */
  apply(request: ScanRequest): { dpi: number } {
    this.#applySource(request.source);
    this.#applyMode(request.mode, request.depth);
    let dpi = request.dpi;
    const res = this.find(OPTION_NAMES.resolution);
    if (res) dpi = this.setNearest(res, request.dpi);
    else {
      for (const names of [OPTION_NAMES.yResolution, OPTION_NAMES.xResolution]) {
        const axis = this.find(names);
        if (axis) dpi = this.setNearest(axis, request.dpi);
      }
    }
    this.#applyArea(request.pageSize);
    this.#applyPercent(OPTION_NAMES.brightness, request.brightness);
    this.#applyPercent(OPTION_NAMES.contrast, request.contrast);
    for (const [name, value] of Object.entries(request.deviceOptions)) this.#applyRaw(name, value);
    return { dpi };
  }

  #applySource(source: ScanSource): void {
    const option = this.find(OPTION_NAMES.source);
    if (!option) {
      if (source !== 'flatbed')
        throw unsupportedSetting({ vi: 'nguồn giấy', en: 'source' }, source, ['flatbed']);
      return;
    }
    const offered = this.#listValues(option);
    const value = matchSource(offered, source);
    if (value === undefined)
      throw unsupportedSetting({ vi: 'nguồn giấy', en: 'source' }, source, offered);
    this.set(option, value);
  }

  #applyMode(mode: ColorMode, depth: 1 | 8 | 16 | undefined): void {
    const option = this.find(OPTION_NAMES.mode);
    const offered = this.#listValues(option);
    let value = matchMode(offered, mode);
    let wantDepth = depth ?? (mode === 'lineart' ? 1 : 8);
    // Backends without a lineart mode (the SANE test device among them) do lineart as 1-bit gray.
    if (value === undefined && mode === 'lineart') {
      value = matchMode(offered, 'gray');
      wantDepth = 1;
    }
    if (option) {
      if (value === undefined)
        throw unsupportedSetting({ vi: 'chế độ màu', en: 'colour mode' }, mode, offered);
      this.set(option, value);
    }
    const depthOption = this.find(OPTION_NAMES.depth);
    if (depthOption) {
      const depths = this.#listValues(depthOption).map(Number);
      if (depths.length > 0 && !depths.includes(wantDepth)) {
        throw unsupportedSetting(
          { vi: 'độ sâu bit', en: 'bit depth' },
          String(wantDepth),
          depths.map(String),
        );
      }
      this.set(depthOption, wantDepth);
    } else if (depth !== undefined && depth !== 8 && mode !== 'lineart') {
      throw unsupportedSetting({ vi: 'độ sâu bit', en: 'bit depth' }, String(depth), ['8']);
    }
  }

  #applyArea(pageSize: ScanRequest['pageSize']): void {
    const axes = {
      tlX: this.find(OPTION_NAMES.tlX),
      tlY: this.find(OPTION_NAMES.tlY),
      brX: this.find(OPTION_NAMES.brX),
      brY: this.find(OPTION_NAMES.brY),
    };
    const limits = (o: SaneOption | undefined) =>
      o?.constraint?.kind === 'range' ? o.constraint : undefined;
    const xMax = limits(axes.brX)?.max;
    const yMax = limits(axes.brY)?.max;
    if (xMax === undefined || yMax === undefined) return;
    const area = scanArea(pageSize, { widthMm: xMax, heightMm: yMax });
    // Sheet-fed scanners centre the paper and need its size in page-width/page-height first.
    const pageWidth = this.find(OPTION_NAMES.pageWidth);
    const pageHeight = this.find(OPTION_NAMES.pageHeight);
    if (pageWidth) this.setNearest(pageWidth, area.widthMm);
    if (pageHeight) this.setNearest(pageHeight, area.heightMm);
    if (axes.tlX) this.setNearest(axes.tlX, area.leftMm);
    if (axes.tlY) this.setNearest(axes.tlY, area.topMm);
    const brX = this.find(OPTION_NAMES.brX);
    const brY = this.find(OPTION_NAMES.brY);
    if (brX) this.setNearest(brX, area.leftMm + area.widthMm);
    if (brY) this.setNearest(brY, area.topMm + area.heightMm);
  }

  /** Maps our -100..100 onto the option's own range (percent or device units). */
  #applyPercent(names: readonly string[], percent: number | undefined): void {
    if (percent === undefined) return;
    const option = this.find(names);
    if (!option) return;
    const c = option.constraint;
    if (c?.kind !== 'range') return;
    const mid = (c.min + c.max) / 2;
    this.setNearest(option, mid + (percent / 100) * ((c.max - c.min) / 2));
  }

  #applyRaw(name: string, value: DeviceOptionValue): void {
    const option = this.#options.find((o) => o.name === name);
    if (!option)
      throw unsupportedSetting(
        { vi: 'tùy chọn', en: 'option' },
        name,
        this.#options.filter((o) => o.settable).map((o) => o.name),
      );
    if (option.type === 'bool')
      this.set(option, value === true || value === 'true' || value === 'yes');
    else if (option.type === 'int' || option.type === 'fixed') this.set(option, Number(value));
    else this.set(option, String(value));
  }
}
