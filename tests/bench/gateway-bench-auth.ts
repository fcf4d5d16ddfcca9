/** @module The token settings the gateway benchmark's server and its clients share. */
export const BENCH_SECRET = 'bench-secret-that-is-long-enough-for-hs256';
export const BENCH_ISSUER = 'https://bench.example.com';
export const BENCH_AUDIENCE = 'lifeline';
