import { main } from './index';

// Long-running commands (host, serve, simulate) keep the event loop alive and exit themselves.
main(process.argv).then((code) => {
  if (code !== 0) process.exit(code);
  process.exitCode = 0;
});
