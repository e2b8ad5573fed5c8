/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the tasks API, e.g. https://api.example.com */
  readonly VITE_API_URL: string;
  /** Base URL of the OpenAuth issuer. */
  readonly VITE_AUTH_URL: string;
  /** The streaming export's Function URL. */
  readonly VITE_EXPORT_URL: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
