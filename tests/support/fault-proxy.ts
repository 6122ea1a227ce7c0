// A fault-injecting TCP proxy for our own infrastructure (PostgreSQL, Redis), in plain node:net.
// Tests put it between the app and a server and then misbehave on purpose:
//
//   pass     forward bytes both ways (the default)
//   refuse   stop listening: new connections get ECONNREFUSED, as from a server that is down
//   hang     accept new connections and never forward a byte (a black hole: timeouts)
//   cut()    close every open connection with a FIN (a server restarting cleanly)
//   reset()  close every open connection with a RST (a crashed server, a dropped NAT entry)
//   delay    hold every chunk this many ms before passing it on (a slow network)
//
// Only loopback addresses: the proxy listens on 127.0.0.1 and forwards to the target given.
import net from "node:net";

export type FaultMode = "pass" | "refuse" | "hang";

export type FaultProxy = {
  /** The port the proxy listens on (kept across refuse → pass). */
  port: number;
  mode: () => FaultMode;
  /** Switches mode; "refuse" also closes the open connections (the server is gone). */
  setMode: (mode: FaultMode) => Promise<void>;
  setDelay: (ms: number) => void;
  cut: () => void;
  reset: () => void;
  /** Connections accepted since start (for tests that check the app reconnected). */
  accepted: () => number;
  open: () => number;
  close: () => Promise<void>;
};

export type FaultProxyOptions = {
  target: { host: string; port: number };
  /** 0 (default): any free port. */
  port?: number;
};

type Pair = { client: net.Socket; upstream: net.Socket | null };

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  let mode: FaultMode = "pass";
  let delayMs = 0;
  let accepted = 0;
  const pairs = new Set<Pair>();
  let server = createServer();
  const port = await listen(server, options.port ?? 0);

  function createServer(): net.Server {
    const s = net.createServer((client) => {
      accepted++;
      const pair: Pair = { client, upstream: null };
      pairs.add(pair);
      const forget = () => {
        pairs.delete(pair);
        if (!client.destroyed) client.destroy();
        if (pair.upstream && !pair.upstream.destroyed) pair.upstream.destroy();
      };
      client.on("error", forget);
      client.on("close", forget);
      if (mode === "hang") {
        client.on("data", () => {}); // swallow: nothing ever answers
        return;
      }
      const upstream = net.connect(options.target.port, options.target.host);
      pair.upstream = upstream;
      upstream.on("error", forget);
      upstream.on("close", forget);
      pipe(client, upstream);
      pipe(upstream, client);
    });
    s.on("error", () => {});
    return s;
  }

  function pipe(from: net.Socket, to: net.Socket) {
    from.on("data", (chunk) => {
      if (delayMs <= 0) {
        if (!to.destroyed) to.write(chunk);
        return;
      }
      from.pause();
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
        from.resume();
      }, delayMs);
    });
    from.on("end", () => {
      if (!to.destroyed) to.end();
    });
  }

  function closeAll(hard: boolean) {
    for (const pair of [...pairs]) {
      pairs.delete(pair);
      for (const socket of [pair.client, pair.upstream]) {
        if (!socket || socket.destroyed) continue;
        if (hard) socket.resetAndDestroy();
        else socket.destroy();
      }
    }
  }

  return {
    port,
    mode: () => mode,
    async setMode(next) {
      if (next === mode) return;
      const was = mode;
      mode = next;
      if (next === "refuse") {
        closeAll(false);
        await new Promise<void>((resolve) => server.close(() => resolve()));
      } else if (was === "refuse") {
        server = createServer();
        await listen(server, port);
      }
    },
    setDelay(ms) {
      delayMs = Math.max(0, ms);
    },
    cut: () => closeAll(false),
    reset: () => closeAll(true),
    accepted: () => accepted,
    open: () => pairs.size,
    async close() {
      closeAll(false);
      if (mode !== "refuse") await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}
