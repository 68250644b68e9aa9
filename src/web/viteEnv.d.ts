// The part of Vite's `import.meta.env` the SPA reads (Vite replaces it at build time).
interface ImportMeta {
  readonly env: { readonly DEV: boolean; readonly MODE: string };
}
