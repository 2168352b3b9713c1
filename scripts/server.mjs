// Serves the production build (like `next start`), adding one thing Next's own server cannot:
// the socket's peer address in `x-qingdan-peer`, overwriting any copy the client sent. Next fills
// X-Forwarded-For from the socket only when the client sent none, so the app could not otherwise
// tell a client's real address from one it made up (lib/auth/request-meta.ts reads this header).
// Usage: node scripts/server.mjs [-p PORT] [-H HOSTNAME]; PORT and HOSTNAME work as for next start.
import http from "node:http";
import path from "node:path";
import next from "next";

const argv = process.argv.slice(2);
const arg = (short, long) => {
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? argv[i + 1] : undefined;
};
const port = Number(arg("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = arg("-H", "--hostname") ?? process.env.HOSTNAME;
const dir = path.resolve(import.meta.dirname, "..");

const server = http.createServer();
const app = next({ dev: false, dir, port, hostname: hostname ?? "localhost", httpServer: server });
const handle = app.getRequestHandler();

await app.prepare();
server.on("request", (req, res) => {
  req.headers["x-qingdan-peer"] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`▲ Ready on http://${hostname ?? "localhost"}:${port}`);
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
    // Do not wait forever for slow clients.
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
