import { createContext, useContext } from "react";

// The Content-Security-Policy nonce for this response's inline scripts (set on the server only).
export const NonceContext = createContext<string>("");

export function useNonce(): string {
  return useContext(NonceContext);
}
