// The page's first script: it takes the address's reads (see first-view.ts) and asks for the view's code before the
// rest of the page's code (start.tsx, preloaded by index.html) is run, so that the requests and the code travel
// together.
import { prefetchFirstView } from './first-view.ts';
import { adoptFragmentAddress } from './router.ts';
import './styles.css';

// Done already by index.html's script where the build inlined it (not in the development server).
adoptFragmentAddress();
prefetchFirstView();
void import('./start.tsx');
