/**
 * The Electron transport: `ipcMain.handle` for calls, `webContents.send` for events. It answers
 * with the same envelope as HTTP (`{ result }` or `{ error }`), because Electron keeps only the
 * message of a rejected error, and it accepts calls only from frames showing the app itself.
 * Electron is passed in (types only here), so this layer stays testable without it.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { AppError } from '../../domain/index.js';
import type { Core } from '../../core/index.js';
import type { ApiErrorBody, EventMessage } from '../contract/index.js';
import { createDispatcher, errorBody } from '../dispatch.js';
import { forwardEvents } from '../events.js';
import { CALL_CHANNEL } from './channels.js';

export type CallEnvelope = { result: unknown } | { error: ApiErrorBody };

export interface IpcTransportOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: Core;
  /** True when the calling frame shows the app (see app/security.ts). */
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  /** Delivers an event to every window. */
  broadcast(message: EventMessage): void;
}

/** Starts serving; returns the function that stops. */
export function serveIpc({
  ipcMain,
  core,
  isTrustedSender,
  broadcast,
}: IpcTransportOptions): () => void {
  const dispatch = createDispatcher(core, 'electron');
  ipcMain.handle(
    CALL_CHANNEL,
    async (event, method: unknown, input: unknown): Promise<CallEnvelope> => {
      if (!isTrustedSender(event)) {
        core.log.warn({ url: event.senderFrame?.url }, 'IPC call from an untrusted frame refused');
        return {
          error: new AppError('FORBIDDEN', {
            vi: 'Lời gọi không đến từ ứng dụng',
            en: 'The call did not come from the application',
          }).toJSON(),
        };
      }
      try {
        return { result: (await dispatch(String(method), input)) ?? null };
      } catch (error) {
        return { error: errorBody(error).toJSON() };
      }
    },
  );
  const stopEvents = forwardEvents(core, broadcast);
  return () => {
    stopEvents();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
