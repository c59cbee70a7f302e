import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP load balancer for tests: each new connection goes to the next backend in turn, skipping a
 * backend that refuses the connection (as a health-checking balancer would). Lets several central
 * instances on one database be exercised as one address.
 */
export class RoundRobinProxy {
  private server: net.Server | null = null;
  private next = 0;
  private readonly sockets = new Set<net.Socket>();
  /** Connections handed to each backend, by index. */
  readonly served: number[] = [];
  url = '';

  constructor(private readonly backends: () => Array<{ port: number }>) {}

  async start(): Promise<string> {
    this.server = net.createServer((client) => {
      this.track(client);
      client.on('error', () => client.destroy());
      this.route(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  private route(client: net.Socket, tried = 0): void {
    const list = this.backends();
    if (tried >= list.length) return void client.destroy();
    const index = this.next++ % list.length;
    const upstream = net.connect(list[index]!.port, '127.0.0.1');
    const refused = () => {
      upstream.destroy();
      this.route(client, tried + 1);
    };
    upstream.once('error', refused);
    upstream.once('connect', () => {
      upstream.off('error', refused);
      this.served[index] = (this.served[index] ?? 0) + 1;
      this.track(upstream);
      upstream.on('error', () => client.destroy());
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
