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
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
