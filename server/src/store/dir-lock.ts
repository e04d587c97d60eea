import {createHash} from 'node:crypto';
import {mkdirSync, realpathSync, rmSync, unlinkSync} from 'node:fs';
import {createConnection, createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/**
 * Two processes on one PGlite directory would corrupt it. The lock is a
 * listening socket named after the directory: the operating system holds
 * it for exactly as long as the process lives, so a crash (kill -9, a
 * container restart that reuses the PID) never leaves a stale lock.
 *
 * - Linux: an abstract-namespace socket (no file at all).
 * - Windows: a named pipe.
 * - Elsewhere: a socket file in the temporary directory; one left by a dead
 *   process refuses connections, and is then removed and taken over.
 *
 * Returns the release; throws a clear error when the directory is in use.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, {recursive: true});
  const dir = realpathSync(dataDir);
  const name = `undersigned-${createHash('sha256').update(dir).digest('hex').slice(0, 32)}`;
  const address = process.platform === 'linux' ? `\0${name}`
    : process.platform === 'win32' ? `\\\\.\\pipe\\${name}` : join(tmpdir(), `${name}.sock`);
  const inUse = () => new Error(
    `${dataDir} is in use by another running server: stop it first, or use the admin routes of the running server.`);
  let server: Server;
  try {
    server = await listenOn(address);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    if (address.startsWith('\0') || address.startsWith('\\\\')) throw inUse();
    if (await answers(address)) throw inUse();
    unlinkSync(address); // a socket file left by a process that died
    try {
      server = await listenOn(address);
    } catch {
      throw inUse();
    }
  }
  server.unref(); // the lock never keeps the process alive by itself
  // The lock of versions before this one: a pid file, meaningless now.
  rmSync(join(dir, 'undersigned.pid'), {force: true});
  return () => new Promise<void>((done) => server.close(() => done()));
}

function listenOn(address: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // A connection to the lock is only ever a probe: drop it.
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function answers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
