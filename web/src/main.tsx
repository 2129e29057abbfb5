// The page's first script: it takes the address's reads (see first-view.ts) and asks for the view's code before the
// rest of the page's code (start.tsx, preloaded by index.html) is run, so that the requests and the code travel
// together.
import { prefetchFirstView } from './first-view.ts';
import './styles.css';

prefetchFirstView();
void import('./start.tsx');
