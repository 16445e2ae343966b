/**
 * Child process for the lock test: opens the data directory given as argv[2] (taking its lock),
 * says `ready`, then blocks its main loop for argv[3] ms (default 60 s), as a long request did.
 */
import { openDatabase } from '../../src/db/client.ts';

const db = await openDatabase({ dataDir: process.argv[2]!, migrate: false });
process.stdout.write('ready\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[3] ?? 60_000));
await db.close();
