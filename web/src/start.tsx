// The page itself, loaded by main.tsx once the first view's reads have left.
import { render } from 'preact';
import { App } from './app.tsx';
import { registerServiceWorker } from './offline.ts';

const root = document.getElementById('app');
if (root) render(<App />, root);
registerServiceWorker();
