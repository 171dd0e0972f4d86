/** The gateway's configuration: environment schema, loader and parsed type. */
export { type Config, ConfigError, loadConfig } from './load-config.ts';
