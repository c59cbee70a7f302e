/**
 * The page compression target, shared with the materials subsystem (documented there): JPEG at
 * quality 0.8, A4 at 200 dpi, so at most 2339 px on the long edge and 1654 on the short one.
 */
export const PAGE_TARGET = { format: 'image/jpeg', quality: 0.8, dpi: 200, maxLongEdgePx: 2339, maxShortEdgePx: 1654 } as const;
