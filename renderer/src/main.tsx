// First: asks who is signed in before the rest of the code is evaluated (see firstStatus).
import './auth/firstStatus';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { languageReady } from './i18n';
// Before our own styles, so they override Ant Design's (see Providers: zero-runtime theme).
import 'antd/dist/antd.css';
import './styles.css';
import { Providers } from './shared/Providers';

// In the saved language from the first paint (English is loaded first when it is the choice).
void languageReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        <App />
      </Providers>
    </StrictMode>,
  ),
);
