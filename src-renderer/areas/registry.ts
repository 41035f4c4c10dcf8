/**
 * The five work areas, in the order of the navigation and of their Alt+1…5 shortcuts.
 * Later features replace an area's `Screen` with their own; the frame does not change.
 */
import type { ComponentType } from 'react';
import type { AreaId } from './area-id.js';
import { BatchScreen } from './batch/index.js';
import { QueueScreen } from './queue/index.js';
import { ReceptionScreen } from './reception/index.js';
import { SearchScreen } from './search/index.js';
import { SettingsScreen } from './settings/SettingsScreen.js';

export type { AreaId };

export interface Area {
  id: AreaId;
  /** The digit of its Alt+digit shortcut. */
  key: string;
  Screen: ComponentType<{ area: AreaId }>;
}

export const areas: readonly Area[] = [
  { id: 'reception', key: '1', Screen: ReceptionScreen },
  { id: 'queue', key: '2', Screen: QueueScreen },
  { id: 'search', key: '3', Screen: SearchScreen },
  { id: 'batch', key: '4', Screen: BatchScreen },
  { id: 'settings', key: '5', Screen: SettingsScreen },
];

export function findArea(id: string): Area | undefined {
  return areas.find((area) => area.id === id);
}
