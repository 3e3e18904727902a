import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './App.js';
import { createI18n } from './i18n/index.js';
import { createQueryClient } from './queryClient.js';
import { redirectToLogin } from './redirectToLogin.js';
import { routes } from './routes.js';

const i18n = createI18n();
const router = createBrowserRouter(routes);
// A 401 from any call means the session is gone: back to the login page.
const queryClient = createQueryClient({ onUnauthorized: () => redirectToLogin(router, queryClient) });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App router={router} queryClient={queryClient} i18n={i18n} />
  </StrictMode>,
);
