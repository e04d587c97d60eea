/**
 * The library's one Trusted Types policy, named `undersigned` (pages that
 * enforce Trusted Types list it in `trusted-types`). It is created on first
 * use and stays inside the library; each method lets through only what one
 * caller needs:
 *
 * - createHTML: DOMPurify's input, which it parses inertly and sanitises
 *   (src/text/sanitize-body.ts); nothing else gets HTML from it.
 * - createScript: JSON-LD text the library serialised itself
 *   (src/internal/structured-data.ts); anything that is not JSON is refused.
 * - createScriptURL: refused (DOMPurify's type wants the method; the body
 *   allowlist never keeps a script URL).
 *
 * Undefined when the browser has no Trusted Types, when the page's CSP does
 * not allow the name, or when another copy of the library took it.
 */

let policy: TrustedTypePolicy | null | undefined;

export function undersignedPolicy(): TrustedTypePolicy | undefined {
  if (policy === undefined) {
    policy = null;
    const factory = window.trustedTypes;
    if (factory) {
      try {
        policy = factory.createPolicy('undersigned', {
          createHTML: (html: string) => html,
          createScript: (json: string) => {
            JSON.parse(json);
            return json;
          },
          createScriptURL: (): string => {
            throw new TypeError('undersigned: script URLs are not allowed');
          },
        }) as TrustedTypePolicy;
      } catch {
        // Name taken or not allowed by the page's CSP.
      }
    }
  }
  return policy ?? undefined;
}

/** JSON the library serialised, as a TrustedScript where Trusted Types exist. */
export function trustedScript(json: string): TrustedScript | string {
  return undersignedPolicy()?.createScript(json) ?? json;
}
