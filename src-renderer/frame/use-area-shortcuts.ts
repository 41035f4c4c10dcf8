/**
 * Alt+1…5 opens the matching area from anywhere. Matched on the physical key (`Digit1`…) so
 * Vietnamese input methods (Telex, VNI) that rewrite characters do not break the shortcuts.
 */
import { areas, type Area } from '../areas/registry.js';
import { useWindowKeydown } from '../keyboard/index.js';

export function useAreaShortcuts(open: (area: Area) => void): void {
  useWindowKeydown((event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const area = areas.find((a) => event.code === `Digit${a.key}`);
    if (!area) return;
    event.preventDefault();
    open(area);
  });
}
