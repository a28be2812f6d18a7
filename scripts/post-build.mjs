// Trunk's post_build hook (Trunk.toml): the steps that must run in order, one after the other.
await import("./externalize-scripts.mjs");
await import("./name-worker.mjs");
await import("./drop-stream-exports.mjs");
await import("./minify-glue.mjs");
await import("./precompress.mjs");
