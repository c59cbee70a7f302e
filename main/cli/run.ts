import { main } from './index';

// Long-running commands (host, serve, simulate) keep the event loop alive and exit themselves;
// a command may also set process.exitCode itself, which must survive here.
main(process.argv).then((code) => {
  if (code !== 0) process.exit(code);
});
