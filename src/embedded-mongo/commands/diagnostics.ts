import os from 'node:os';
import type { CommandHandler } from './context.ts';
import { MAX_WIRE_VERSION } from './handshake.ts';

const VERSION = '8.0.0';

/**
 * Minimal answers to the diagnostics that shells, GUIs and the driver's tooling ask for. They say
 * what this server is (an embedded development server) rather than imitate mongod's internals.
 */
export const diagnosticCommands: Record<string, CommandHandler> = {
  buildInfo: function buildInfo() {
    return {
      version: VERSION,
      versionArray: [8, 0, 0, 0],
      gitVersion: 'imgate-embedded',
      bits: 64,
      maxBsonObjectSize: 16 * 1024 * 1024,
      storageEngines: ['imgate-embedded'],
      javascriptEngine: 'none',
      modules: [],
      openssl: { running: 'disabled' },
    };
  },
  getParameter: function getParameter(command) {
    const reply: Record<string, unknown> = {};
    if (command.featureCompatibilityVersion !== undefined || command.getParameter === '*') {
      reply.featureCompatibilityVersion = { version: '8.0' };
    }
    return reply;
  },
  connectionStatus: function connectionStatus() {
    return { authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] } };
  },
  hostInfo: function hostInfo() {
    return {
      system: {
        hostname: os.hostname(),
        cpuArch: os.arch(),
        numCores: os.cpus().length,
        memSizeMB: os.totalmem() >> 20,
      },
      os: { type: os.type(), name: os.platform(), version: os.release() },
      extra: {},
    };
  },
  getLog: function getLog(command) {
    return command.getLog === '*'
      ? { names: ['global', 'startupWarnings'] }
      : { totalLinesWritten: 0, log: [] };
  },
  getCmdLineOpts: function getCmdLineOpts() {
    return { argv: process.argv, parsed: {} };
  },
  serverStatus: function serverStatus(_command, context) {
    return {
      host: os.hostname(),
      version: VERSION,
      process: 'imgate-embedded-mongo',
      pid: process.pid,
      uptime: Math.floor((Date.now() - context.startedAt) / 1000),
      localTime: new Date(),
      maxWireVersion: MAX_WIRE_VERSION,
      mem: { resident: process.memoryUsage().rss >> 20, bits: 64 },
    };
  },
};
