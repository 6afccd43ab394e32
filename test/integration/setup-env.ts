// Integration tests use the same two clusters as the end-to-end tests: the real local stack and an
// unreachable one. Imported first by each test file, before any module reads the configuration.
process.env.KEA_CONFIG ??= 'e2e/fixtures/kea.e2e.yaml';
process.env.LOG_LEVEL ??= 'error';
export {};
