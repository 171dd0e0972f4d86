/**
 * The embedded MongoDB-compatible server: what imgate runs when no MONGODB_URI is given.
 * Self-contained: nothing here imports from the rest of `src/`.
 */
export { runEmbeddedMongoCli } from './cli.ts';
export { CommandError } from './errors.ts';
export {
  type EmbeddedMongo,
  type EmbeddedMongoLogger,
  type EmbeddedMongoOptions,
  startEmbeddedMongo,
} from './server.ts';
