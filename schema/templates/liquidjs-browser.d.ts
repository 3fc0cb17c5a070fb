/** Types for liquidjs's browser build, imported directly so no bundler ever pulls in the Node build (fs, path, crypto). */
declare module 'liquidjs/dist/liquid.browser.mjs' {
  export * from 'liquidjs';
}
