/**
 * Alt+N starts a new dossier from anywhere: the reception area opens on an empty form. The frame
 * holds it, so it works the moment the app shows, whichever area is open or still loading (a
 * clerk who switches areas and presses Alt+N at once on a slow PC gets the new form).
 */
import { findArea, type Area } from '../areas/registry.js';
import { useShortcut } from '../keyboard/index.js';
import { resetReceptionFlow } from '../workflow/flow/index.js';

export function useNewDossierShortcut(open: (area: Area) => void): void {
  useShortcut('newDossier', () => {
    resetReceptionFlow();
    const reception = findArea('reception');
    if (reception) open(reception);
  });
}
