// Starts a TypeScript worker entry under Vitest, where no bundler has turned it into JavaScript:
// jiti transpiles it (and what it imports) on the fly. Synchronous require and no default interop,
// so CommonJS packages (avsc's Type with its static forSchema, protobufjs) arrive as Node's own
// require returns them. Production workers are bundled by Next instead.
import { workerData } from 'node:worker_threads';
import { createJiti } from 'jiti';

createJiti(import.meta.url, { interopDefault: false })(workerData.tsEntry);
