// The startup ceiling of bench/startup: compiled JavaScript that opens the same embedded store
// (dist/embedded-mongo, persisting to DATA_DIR/mongo), connects the same driver and answers
// /healthz with a store ping — everything the gateway must do before it is healthy, nothing more.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../dist/embedded-mongo/index.js';

const store = await startEmbeddedMongo({ port: 0, dataDir: join(process.env.DATA_DIR, 'mongo') });
const client = await MongoClient.connect(store.uri);
const db = client.db('imgate');
const server = createServer((req, res) => {
  db.command({ ping: 1 }).then(
    () => res.writeHead(req.url === '/healthz' ? 200 : 404).end('ok'),
    () => res.writeHead(503).end(),
  );
});
server.listen(0, '127.0.0.1', () =>
  console.log(`minimal listening on http://127.0.0.1:${server.address().port}`),
);
process.on('SIGTERM', () =>
  server.close(() =>
    client
      .close()
      .then(() => store.close())
      .then(() => process.exit(0)),
  ),
);
