import fs from "node:fs";
import path from "node:path";

export const DEPLOY_NGINX_CONF = path.resolve(import.meta.dirname, "../deploy/nginx/qingdan.conf");

/**
 * deploy/nginx/qingdan.conf made runnable on one machine, for `npm run scale-test`: the same
 * map, upstream options, cache and proxy directives, with the upstream servers on loopback
 * ports, plain HTTP on `port` instead of TLS on 443, no redirect server, and every path
 * (cache, temp files, pid, logs) under `dir`. Derived from the file, not copied, so that the
 * scale test always exercises the configuration the README tells people to install.
 */
export function nginxConfigFromDeploy(
  conf: string,
  { dir, port, upstreams, user }: { dir: string; port: number; upstreams: number[]; user?: string },
): string {
  const lines = conf.split("\n").filter((l) => !/^\s*#/.test(l));
  let text = lines.join("\n");
  // The plain-HTTP server that only redirects to HTTPS: not needed on loopback.
  text = text.replace(/server\s*\{\s*listen 80;[\s\S]*?\n\}\n?/, "");
  // Upstream servers: this run's app servers.
  text = text.replace(/(upstream qingdan_app\s*\{)([\s\S]*?)(\n\s*keepalive)/, (_m, open: string, servers: string, rest: string) => {
    const options = /server\s+\S+\s+([^;]*);/.exec(servers)?.[1] ?? "";
    return `${open}\n${upstreams.map((p) => `    server 127.0.0.1:${p} ${options};`).join("\n")}${rest}`;
  });
  text = text.replace(/proxy_cache_path\s+\S+/, `proxy_cache_path ${dir}/cache`);
  text = text.replace(/listen 443 ssl;/, `listen 127.0.0.1:${port};`);
  text = text.replace(/^\s*(http2 on|ssl_certificate|ssl_certificate_key)\b[^;]*;\n/gm, "");
  for (const required of ["map $http_cookie $qingdan_signed_in", "upstream qingdan_app", "proxy_cache_path", `listen 127.0.0.1:${port};`, "proxy_next_upstream", "proxy_cache qingdan_public;"]) {
    if (!text.includes(required)) throw new Error(`deploy/nginx/qingdan.conf 的结构已变，无法推导测试配置：缺少 ${required}`);
  }
  return `${user ? `user ${user};` : ""}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${text.trim()}
}
`;
}

export function readDeployNginxConf(): string {
  return fs.readFileSync(DEPLOY_NGINX_CONF, "utf8");
}
