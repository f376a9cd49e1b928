/**
 * How the web process runs, for `npm start` (package.json repeats this command; tests/unit/web-command.test.ts keeps
 * the two the same), the benchmarks and the fault tests. With memory to spare V8 lets garbage pile up to several
 * hundred MB under load before a full collection, and glibc gives each thread that allocates (libuv's pool hashing
 * passwords, libvips decoding photos) its own malloc arena that grows and stays; these limits keep the process under
 * 300 MB at the same throughput (docs/performance.md). The live heap is about 100 MB.
 */
export const WEB_NODE_FLAGS = ["--max-old-space-size=192", "--max-semi-space-size=4"];

/** Environment for the web process: two malloc arenas (glibc only; ignored elsewhere). */
export const WEB_ENV = { MALLOC_ARENA_MAX: "2" } as const;

/** `node` arguments that start the portal as `npm start` does, plus `args` (e.g. "--no-build"). */
export const webProcessArgs = (...args: string[]) => [...WEB_NODE_FLAGS, "--import", "tsx", "scripts/start.ts", ...args];

/** The `npm start` command line. */
export const startCommand = () => [...Object.entries(WEB_ENV).map(([name, value]) => `${name}=${value}`), "node", ...webProcessArgs()].join(" ");
