// The end-to-end tests' stand-in OpenID Connect provider: its client, shared by the provider (oidc-provider-server.ts)
// and the portal's settings (playwright.config.ts). Test values only.
export const E2E_OIDC_CLIENT = { id: "portal-e2e", secret: "e2e-client-secret-not-for-production-0123456789" } as const;
