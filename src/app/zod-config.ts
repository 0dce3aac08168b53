import * as z from 'zod/mini';

// The served pages' CSP forbids eval. Zod would probe for it with `new Function` when the first
// schema is built, and the browser reports that probe as a CSP violation on every page load.
// app/start.tsx imports this module first, before any schema exists.
z.config({ jitless: true });
