/** @module @lifeline/gateway: the server the widget and the console talk to. */
export { createApp, type AppDeps } from './app.ts';
export { HEARTBEAT_MS } from './http.ts';
export { candidateVerifier, CLOCK_SKEW_SECONDS, type Verified } from './auth/candidate.ts';
export { GatewayConfig, loadConfig, resolveConfig, type ResolvedConfig } from './config/index.ts';
export { openDatabase, type Database, type DatabaseLocation } from './db/index.ts';
export { startGateway, type RunningGateway, type StartOptions } from './server.ts';
