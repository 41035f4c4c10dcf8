/**
 * Renderer entry: font and styles, the interface language, the transport to the core, the frame.
 */
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider, createTransport } from './api/index.js';
import { AuthGate } from './auth/index.js';
import { App } from './frame/App.js';
import { initI18n } from './i18n/index.js';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

await initI18n();
createRoot(rootElement).render(
  <StrictMode>
    <ApiProvider transport={createTransport()}>
      <AuthGate>
        <App />
      </AuthGate>
    </ApiProvider>
  </StrictMode>,
);
