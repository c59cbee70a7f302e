// Minimal types for the parts of sm-crypto we use (the package ships none).
declare module 'sm-crypto' {
  interface Sm4Options {
    mode?: 'cbc' | 'ecb';
    iv?: number[] | string;
    padding?: 'pkcs#7' | 'pkcs#5' | 'none';
    output?: 'string' | 'array';
  }
  const smCrypto: {
    sm3(input: string | number[], options?: { key: string | number[]; mode?: 'hmac' }): string;
    sm4: {
      encrypt(input: number[] | string, key: number[] | string, options: Sm4Options & { output: 'array' }): number[];
      decrypt(input: number[] | string, key: number[] | string, options: Sm4Options & { output: 'array' }): number[];
    };
  };
  export default smCrypto;
}
