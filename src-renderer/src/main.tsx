import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import 'dayjs/locale/fr';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installWebBridge } from './api/web-preload';
import { installTypedModalGuard } from './ui/typed-modal-guard';
import { App } from './App';

// DateInput parses typed dates (JJ/MM/AAAA) with this plugin.
dayjs.extend(customParseFormat);
dayjs.locale('fr');
// In the desktop app the Electron preload has already set window.api.
installWebBridge();
installTypedModalGuard();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
