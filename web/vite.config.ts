import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const here = dirname(fileURLToPath(import.meta.url));

// The API docs at /schema run Swagger UI from this copy (no CDN: the CSP allows 'self' only).
function vendorSwaggerUi(): Plugin {
  return {
    name: "cma-vendor-swagger-ui",
    apply: "build",
    closeBundle() {
      const src = join(here, "node_modules", "swagger-ui-dist");
      const out = join(here, "dist", "schema-assets");
      mkdirSync(out, { recursive: true });
      for (const f of ["swagger-ui.css", "swagger-ui-bundle.js"]) copyFileSync(join(src, f), join(out, f));
      copyFileSync(join(here, "schema", "init.js"), join(out, "init.js"));
      // Icons GOV.UK and MoJ Frontend's CSS points at (/govuk-assets/images); no crown or crest.
      const images = join(here, "dist", "govuk-assets", "images");
      mkdirSync(images, { recursive: true });
      for (const dir of [
        join(here, "node_modules", "govuk-frontend", "dist", "govuk", "assets", "images"),
        join(here, "node_modules", "@ministryofjustice", "frontend", "moj", "assets", "images"),
      ]) {
        if (!existsSync(dir)) continue;
        for (const f of readdirSync(dir)) {
          if (!/crest|crown|govuk-/.test(f) && f.endsWith(".svg")) copyFileSync(join(dir, f), join(images, f));
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), vendorSwaggerUi()],
  css: {
    preprocessorOptions: {
      scss: { loadPaths: [here], quietDeps: true, silenceDeprecations: ["import"] },
    },
  },
  // GOV.UK Frontend keeps an old-IE media hack that lightningcss (the minifier) rejects.
  build: { target: "es2022", sourcemap: false, assetsInlineLimit: 0, cssMinify: false },
  server: { proxy: { "/api": "http://localhost:8000", "/schema": "http://localhost:8000" } },
  test: {
    environment: "jsdom",
    globals: true,
    include: ["tests/**/*.test.{ts,tsx}"],
    setupFiles: ["tests/setup.ts"],
    // A page of 150 suggestions renders in seconds in jsdom on a loaded 2-core machine (7 s
    // seen beside two benchmark runs, against the default 5 s); a hung test still fails.
    testTimeout: 20_000,
  },
});
