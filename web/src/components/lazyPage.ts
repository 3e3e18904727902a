import { lazy, type ComponentType } from 'react';

/** A page loaded when first shown, from a module that exports it by name: `lazyPage(() => import('./X.js'), 'X')`. */
// `any` props: the bound React.lazy itself puts on a component.
export const lazyPage = <K extends string, C extends ComponentType<any>>(load: () => Promise<Record<K, C>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
