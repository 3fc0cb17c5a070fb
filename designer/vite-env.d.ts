/** Vite's client types: `?worker` imports, CSS imports, import.meta.env. */
/// <reference types="vite/client" />
