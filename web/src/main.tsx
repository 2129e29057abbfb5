import { render } from 'preact';
import { App, prefetchFirstView } from './app.tsx';
import { registerServiceWorker } from './offline.ts';
import './styles.css';

prefetchFirstView();
const root = document.getElementById('app');
if (root) render(<App />, root);
registerServiceWorker();
