// Draws the app icon (a rounded blue square with the white stroke of 一 under a window lintel) as
// PNGs for every size electron-builder wants: resources/icons/<n>x<n>.png (Linux icon set) and
// icon.png (512, Windows converts it to .ico). Run once after changing the design:
//   node packaging/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const BLUE = [22, 119, 255];
const WHITE = [255, 255, 255];

/** Colour of one point in unit coordinates (0..1), or null outside the icon. */
function shade(x, y) {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const lintel = y > 0.2 && y < 0.27 && x > 0.2 && x < 0.8;
  const stroke = y > 0.47 && y < 0.59 && x > 0.22 && x < 0.78;
  return lintel || stroke ? WHITE : BLUE;
}

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const ss = 4; // supersampling for smooth edges
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      const i = (py * size + px) * 4;
      png.data[i] = a ? r / a : 0;
      png.data[i + 1] = a ? g / a : 0;
      png.data[i + 2] = a ? b / a : 0;
      png.data[i + 3] = Math.round((255 * a) / (ss * ss));
    }
  return PNG.sync.write(png);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) fs.writeFileSync(path.join(OUT, `${size}x${size}.png`), draw(size));
fs.copyFileSync(path.join(OUT, '512x512.png'), path.join(OUT, 'icon.png'));
fs.writeFileSync(
  path.join(OUT, 'icon.svg'),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#1677ff"/>` +
    `<rect x="20" y="20" width="60" height="7" fill="#fff"/><rect x="22" y="47" width="56" height="12" fill="#fff"/></svg>\n`,
);
console.log(`icons: ${SIZES.join(', ')} px and icon.svg in ${OUT}`);
