import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * With single fetch, RemixBrowser suspends on its first render until it has decoded the page's data. If a
 * resident clicks or presses Enter while hydration is suspended there, React 18 renders synchronously, meets
 * the suspension with no boundary above it and throws "Root did not complete" (remix-run/remix#10214). So the
 * data is decoded first: RemixBrowser is asked once, outside React, for the promise it would suspend on, and
 * hydration starts when that promise settles. Anything else it throws or returns leaves hydration to React.
 */
function decodedPageData(): Promise<unknown> {
  try {
    (RemixBrowser as (props: object) => unknown)({});
  } catch (thrown) {
    if (thrown instanceof Promise) return thrown.catch(() => undefined);
  }
  return Promise.resolve();
}

void decodedPageData().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
