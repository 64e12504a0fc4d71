import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix({ ...remixConfig })],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  css: {
    preprocessorOptions: {
      scss: {
        quietDeps: true,
        silenceDeprecations: ["import", "global-builtin", "mixed-decls", "color-functions", "slash-div", "if-function"],
        loadPaths: ["node_modules"],
      },
    },
  },
  build: { target: "es2022" },
  // Licence notices kept, but each once, at the end of its file: Remix repeats its notice before every module
  // (17 times in one chunk), which cost the browser bytes on every page.
  esbuild: { legalComments: "eof" },
});
