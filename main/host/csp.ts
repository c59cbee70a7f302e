/**
 * The renderer's Content Security Policy, shared by the Electron shell and the loopback host.
 * Styles allow 'unsafe-inline' because Ant Design injects its CSS-in-JS as <style> tags;
 * scripts never do.
 */
export function contentSecurityPolicy(connect: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // yichuang-file: is Electron's scheme for material files (file tickets); the host serves them at /files/.
    "img-src 'self' data: blob: yichuang-file:",
    "frame-src 'self' yichuang-file:",
    "font-src 'self' data:",
    `connect-src 'self' yichuang-file: ${connect.join(' ')}`.trim(),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
