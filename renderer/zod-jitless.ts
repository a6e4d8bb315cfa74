import { z } from 'zod';

// Zod compiles fast parsers with `new Function` unless told not to. Our CSP forbids eval, so the
// attempt fails harmlessly but still raises a securitypolicyviolation on every start, which would
// drown out a real one. Imported first by main.tsx: Zod decides when the first schema is built.
z.config({ jitless: true });
