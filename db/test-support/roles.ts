// The database roles the portal runs as, made on a test server once before any test connects: portal_web (made by
// the migrations too, when missing) and a login role in it, portal_app, which tests and the end-to-end server use,
// so every database test works with the rights the web application really has — not a superuser's.
import postgres from "postgres";

export const APP_LOGIN_ROLE = "portal_app";

export async function ensureAppRole(superuserUrl: string): Promise<void> {
  const admin = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_web') THEN CREATE ROLE portal_web NOLOGIN; END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_LOGIN_ROLE}') THEN
          CREATE ROLE ${APP_LOGIN_ROLE} LOGIN IN ROLE portal_web;
        END IF;
      END $$;`);
  } finally {
    await admin.end();
  }
}

/** The same database, reached as the application's login role. */
export function asAppRole(url: string): string {
  const app = new URL(url);
  app.username = APP_LOGIN_ROLE;
  app.password = "";
  return app.toString();
}
