import path from 'node:path';

/** Where the materials store keeps its sealed files inside the data folder. */
export function materialsDirs(dataDir: string) {
  const root = path.join(dataDir, 'materials');
  return {
    root,
    /** One sealed file per staged part, named by its random page id. */
    staged: path.join(root, 'staged'),
    /** Sealed material PDFs, `ab/abcdef…` by the SHA-256 of the plaintext. */
    blobs: path.join(root, 'blobs'),
  };
}

export function blobPath(blobsDir: string, sha256: string): string {
  return path.join(blobsDir, sha256.slice(0, 2), sha256);
}
