import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {fileTransport, smtpTransport} from './mail/transport.ts';
import {readEnv, describeDatabase} from './env.ts';
import {seedDemo} from './seed.ts';
import {listen, PROJECT_ROOT, resolveAdminToken} from './server.ts';
import {openStore} from './store/index.ts';

/** `npm start`: migrate, seed an empty database, serve. Settings from the environment. */
export async function main(): Promise<void> {
  // Settings first: a malformed SMTP_URL stops the server before anything starts.
  const env = readEnv();
  const transport = env.smtpUrl ? smtpTransport(env.smtpUrl)
    : fileTransport(resolve(env.dataDir, 'mail'), (line) => console.log(line));
  const store = await openStore(env.databaseUrl
    ? {databaseUrl: env.databaseUrl, statementTimeout: env.statementTimeout} : {dataDir: env.dataDir});
  if (env.seedDemo && (await seedDemo(store))) console.log('Seeded the demo statement into the empty database.');
  const token = await resolveAdminToken(store, env.adminToken);
  const server = await listen({
    store,
    adminTokenHash: token.hash,
    allowedOrigins: env.allowedOrigins,
    rateLimit: env.rateLimit,
    trustProxy: env.trustProxy,
    staticRoot: PROJECT_ROOT,
    log: (line, level) => (level === 'error' ? console.error(line) : console.log(line)),
    logFormat: env.logFormat,
    mail: {
      ...(env.publicUrl !== undefined && {publicUrl: env.publicUrl}),
      confirmTtlMs: env.confirmTtlMs,
      transport,
      sender: {
        from: env.mailFrom ?? `undersigned <no-reply@${env.publicUrl ? new URL(env.publicUrl).hostname : 'localhost'}>`,
        leaseMs: env.mailLeaseMs, retryMs: env.mailRetryMs,
      },
    },
  }, env.port, env.hostname, true);
  const shown = server.url.replace(/\/\/(0\.0\.0\.0|\[::\])/, '//localhost');
  console.log(`Console: ${shown}/admin — sign in with the admin token${token.created ? ' (printed once, keep it):' : ''}`);
  if (token.created) console.log(`  ${token.created}`);
  else if (env.adminToken) console.log('  (the ADMIN_TOKEN of the environment)');
  else console.log('  (printed when the database was first started; lost? "undersigned-server admin-token rotate" makes a new one)');
  console.log(`Mail: ${transport.description}${env.smtpUrl ? '' : ' (no SMTP_URL): confirmation links are printed here'}`);
  // Last: harnesses wait for this line.
  console.log(`undersigned: ${shown} (demo), ${shown}/v1 (API), data: ${describeDatabase(env)}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().then(() => process.exit(0), (err: unknown) => {
        console.error(err);
        process.exit(1);
      });
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
